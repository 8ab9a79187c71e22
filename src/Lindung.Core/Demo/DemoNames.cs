namespace Lindung.Core.Demo;

/// <summary>
/// Common given names and second names used in South Sumatra, combined at random into fictitious people.
/// No combination refers to a real person; NIKs are generated, never copied.
/// </summary>
internal static class DemoNames
{
    public static readonly string[] Male =
    [
        "Ahmad", "Muhammad", "Rudi", "Hendra", "Zulkifli", "Syahrial", "Firdaus", "Darmawan", "Joni", "Sukri", "Agus", "Budi",
        "Dedi", "Edi", "Fajar", "Hasan", "Iwan", "Jamal", "Lukman", "Mansur", "Nasir", "Rahmat", "Sahrul", "Taufik", "Usman",
        "Wahyu", "Yusuf", "Zainal", "Arman", "Bambang", "Candra", "Dodi", "Erwin", "Ferry", "Herman", "Irfan", "Jefri", "Khairul",
        "Mulyadi", "Novri", "Rizal", "Sudirman", "Teguh", "Yudi", "Anwar", "Bahrul", "Darwis", "Hamdan", "Ismail", "Junaidi",
        "Marzuki", "Nurdin", "Rusli", "Samsul", "Syamsudin", "Alamsyah", "Herwansyah", "Romli", "Sarifudin", "Amirudin",
    ];

    public static readonly string[] Female =
    [
        "Siti", "Nurhayati", "Rosmala", "Yuliana", "Aminah", "Desi", "Rina", "Herlina", "Maimunah", "Ani", "Dewi", "Eka", "Fitri",
        "Hartati", "Indah", "Juwita", "Kartini", "Mariana", "Nia", "Oktaviani", "Putri", "Ratna", "Sri", "Tuti", "Umi", "Wati",
        "Yanti", "Zainab", "Asmawati", "Evi", "Helmiyati", "Lina", "Nurlela", "Rahmawati", "Sumarni", "Yusnani", "Halimah",
        "Rosidah", "Suryani", "Masitoh", "Rohayati", "Sulastri", "Elvira", "Mardiana", "Nuraini",
    ];

    public static readonly string[] MaleSecond =
    [
        "Saputra", "Wijaya", "Pratama", "Hidayat", "Kurniawan", "Apriansyah", "Ramadhan", "Putra", "Setiawan", "Syahputra",
        "Gunawan", "Hakim", "Susanto", "Firmansyah", "Effendi", "Pranata", "Maulana", "Rahman", "Febriansyah", "Hermansyah",
        "Irawan", "Wardana", "Alamsyah", "Kusuma", "Nugraha",
    ];

    public static readonly string[] FemaleSecond =
    [
        "Sari", "Lestari", "Anggraini", "Wulandari", "Safitri", "Agustina", "Marlina", "Handayani", "Utami", "Oktarina",
        "Novitasari", "Permata", "Puspita", "Damayanti", "Rahayu", "Yulianti", "Maharani", "Purnamasari",
    ];

    public static readonly string[] BirthPlaces =
    [
        "Muaradua", "Simpang", "Banding Agung", "Pulau Beringin", "Baturaja", "Palembang", "Martapura", "Liwa", "Kisam",
        "Buay Runjung", "Mekakau", "Ranau", "Lubuk Linggau", "Prabumulih", "Muara Enim",
    ];

    public static readonly string[] NonAsnPositions =
    [
        "Petugas Kebersihan", "Penjaga Malam", "Pengemudi", "Tenaga Administrasi", "Operator Komputer", "Petugas Lapangan",
        "Caraka", "Petugas Taman", "Juru Parkir", "Tenaga Teknis",
    ];

    public static readonly string[] VillageOtherPositions =
    [
        "Kaur Keuangan", "Kaur Umum", "Kaur Perencanaan", "Kasi Pemerintahan", "Kasi Kesejahteraan", "Kasi Pelayanan",
        "Kepala Dusun I", "Kepala Dusun II", "Kepala Dusun III",
    ];

    public static readonly string[] Mosques =
        ["Al-Ikhlas", "Al-Hidayah", "Nurul Iman", "Baitur Rahman", "Al-Muttaqin", "At-Taqwa", "Darussalam", "Al-Falah", "Nurul Huda", "Al-Amin"];
}
