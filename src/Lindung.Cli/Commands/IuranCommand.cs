using System.CommandLine;
using System.Globalization;
using Lindung.Core.Contributions;
using Lindung.Core.Formatting;

namespace Lindung.Cli.Commands;

/// <summary>
/// <c>lindung iuran pu|bpu|jakon</c>: the contribution calculators on the shipped, dated rate tables. Needs no
/// database. JSON: <c>{"scheme","base","rateVersion","lines":[{"program","rate","amount","employer","worker"}],"total"}</c>.
/// </summary>
public static class IuranCommand
{
    public static Command Build(CliIo io)
    {
        var date = new Option<string?>("--date") { Description = CliText.IuranDate, Recursive = true };

        var wage = new Option<long>("--wage") { Description = CliText.IuranWage, Required = true };
        var risk = new Option<int>("--risk") { Description = CliText.IuranRisk, DefaultValueFactory = _ => 1 };
        var puPrograms = new Option<string>("--programs") { Description = "jkk,jkm,jht,jp", DefaultValueFactory = _ => "jkk,jkm" };
        var pu = new Command("pu", CliText.IuranPuDescription) { wage, risk, puPrograms };
        pu.SetAction((parse, _) => RunAsync(io, parse, date,
            (rates) => Calculators.Pu(rates, parse.GetValue(wage), parse.GetValue(risk), Calculators.ParsePrograms(parse.GetValue(puPrograms)!))));

        var income = new Option<long>("--income") { Description = CliText.IuranIncome, Required = true };
        var bpuPrograms = new Option<string>("--programs") { Description = "jkk,jkm,jht", DefaultValueFactory = _ => "jkk,jkm" };
        var bpu = new Command("bpu", CliText.IuranBpuDescription) { income, bpuPrograms };
        bpu.SetAction((parse, _) => RunAsync(io, parse, date,
            (rates) => Calculators.Bpu(rates, parse.GetValue(income), Calculators.ParsePrograms(parse.GetValue(bpuPrograms)!))));

        var value = new Option<long>("--contract-value") { Description = CliText.IuranContractValue, Required = true };
        var vat = new Option<bool>("--includes-vat") { Description = CliText.IuranIncludesVat };
        var jakon = new Command("jakon", CliText.IuranJakonDescription) { value, vat };
        jakon.SetAction((parse, _) => RunAsync(io, parse, date,
            (rates) => Calculators.Jakon(rates, parse.GetValue(value), parse.GetValue(vat))));

        var iuran = new Command("iuran", CliText.IuranDescription) { pu, bpu, jakon };
        iuran.Options.Add(date);
        return iuran;
    }

    private static async Task<int> RunAsync(CliIo io, ParseResult parse, Option<string?> dateOption, Func<RateTable, ContributionResult> calculate)
    {
        var day = DateOnly.FromDateTime(DateTime.SpecifyKind(TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(7), DateTimeKind.Unspecified));
        if (parse.GetValue(dateOption) is { } text
            && !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            await io.Err.WriteLineAsync(CliText.IuranBadDate(text));
            return LindungCli.Usage;
        }

        ContributionResult r;
        try
        {
            r = calculate(RateBook.LoadSeed().For(day));
        }
        catch (ArgumentException e)
        {
            await io.Err.WriteLineAsync(CliText.ErrorLine(e.Message));
            return LindungCli.Usage;
        }

        return await io.ResultAsync(parse, new
        {
            scheme = r.Scheme,
            @base = r.Base,
            rateVersion = r.RateVersion,
            lines = r.Lines.Where(l => l.Program != ContributionProgram.JKP).Select(l => new
            {
                program = l.Program.ToString(),
                rate = l.Rate,
                amount = l.Amount,
                employer = l.Employer,
                worker = l.Worker,
                assumption = l.Assumption,
            }),
            total = r.Total,
            notices = r.Notices,
        }, o =>
        {
            o.WriteLine(CliText.IuranHeader(r.Scheme, IndonesianFormat.Rupiah(r.Base), r.RateVersion));
            foreach (var l in r.Lines)
            {
                var rate = l.Rate is { } p ? IndonesianFormat.Number(p, 2) + "%" : CliText.IuranFixedRate;
                var shares = CliText.IuranShares(IndonesianFormat.Rupiah(l.Employer), IndonesianFormat.Rupiah(l.Worker));
                o.WriteLine($"  {l.Program,-4} {rate,8} {IndonesianFormat.Rupiah(l.Amount),16}  ({shares}){(l.Assumption ? "  " + CliText.IuranAssumption : "")}");
            }

            var total = IndonesianFormat.Rupiah(r.Total);
            var totalLine = r.Scheme == "JAKON" ? CliText.IuranTotalProject(total) : CliText.IuranTotalMonthly(total);
            o.WriteLine("  " + totalLine);
            foreach (var n in r.Notices)
            {
                o.WriteLine("  " + CliText.IuranNotice(n));
            }
        });
    }
}
