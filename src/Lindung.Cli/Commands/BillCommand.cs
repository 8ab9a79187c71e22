using System.CommandLine;
using System.Globalization;
using Lindung.Core.Contributions;
using Lindung.Core.Formatting;

namespace Lindung.Cli.Commands;

/// <summary>
/// <c>lindung bill --period YYYY-MM [--json]</c>: the month's contributions of every worker registered at BPJS, totalled
/// per program and per funding source (docs/billing.md).
/// </summary>
public static class BillCommand
{
    public static Command Build(CliIo io)
    {
        var period = new Option<string>("--period") { Description = CliText.PeriodOption, Required = true };
        var command = new Command("bill", CliText.BillDescription) { period };
        command.SetAction(async (parse, ct) =>
        {
            var month = parse.GetValue(period)!;
            if (!Periods.TryParse(month, out _))
            {
                return await io.FailAsync(parse, LindungCli.Usage, CliText.BillBadPeriod(month));
            }

            await using var host = CliHost.Create(parse);
            await host.PrepareAsync(ct);
            var (tenant, error) = await host.ResolveTenantAsync(parse, ct);
            if (tenant is null)
            {
                return await io.FailAsync(parse, LindungCli.Unusable, error!);
            }

            host.ActFor(tenant);
            Bill bill;
            try
            {
                bill = await new MonthlyBill(host.Db).ForAsync(month, ct);
            }
            catch (ArgumentException e)
            {
                return await io.FailAsync(parse, LindungCli.Usage, CliMessage.Verbatim(e.Message));
            }

            static Dictionary<string, long> Programs(IReadOnlyDictionary<ContributionProgram, long> p) => p.ToDictionary(x => x.Key.ToString(), x => x.Value);
            return await io.ResultAsync(parse, new
            {
                period = bill.Period,
                dueDate = bill.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                rateVersion = bill.RateVersion,
                workers = bill.Lines.Count,
                total = bill.Total,
                programs = Programs(bill.Programs),
                fundingSources = bill.By(l => l.FundingSource).Select(f => new { fundingSource = f.Key, workers = f.Workers, total = f.Total, programs = Programs(f.Programs) }),
            }, o =>
            {
                o.WriteLine(CliText.BillHeader(bill.Period, IndonesianFormat.Date(bill.DueDate), bill.RateVersion,
                    IndonesianFormat.Number(bill.Lines.Count), IndonesianFormat.Rupiah(bill.Total)));
                foreach (var (program, amount) in bill.Programs)
                {
                    o.WriteLine($"  {program,-4} {IndonesianFormat.Rupiah(amount),20}");
                }

                foreach (var f in bill.By(l => l.FundingSource))
                {
                    o.WriteLine($"  {f.Key,-12} "
                        + CliText.BillFundingSource(IndonesianFormat.Number(f.Workers).PadLeft(8), IndonesianFormat.Rupiah(f.Total).PadLeft(20)));
                }
            });
        });
        return command;
    }
}
