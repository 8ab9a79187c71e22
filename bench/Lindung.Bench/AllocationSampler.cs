using System.Diagnostics.Tracing;

/// <summary>
/// BENCH_ALLOC=1: the runtime's allocation sampling (an event about every 100 KB allocated, with the type of the object
/// that crossed the mark), tallied by type and printed at the end: which types make up the bytes <c>allocatedMB</c> counts.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private readonly Dictionary<string, long> bytesByType = [];
    private readonly Lock gate = new();

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1); // GC keyword: GCAllocationTick
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!e.EventName!.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.Payload is null)
        {
            return;
        }

        var type = e.PayloadNames!.IndexOf("TypeName") is var t and >= 0 ? e.Payload[t] as string ?? "?" : "?";
        var amount = e.PayloadNames.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(e.Payload[a], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        lock (gate)
        {
            bytesByType[type] = bytesByType.GetValueOrDefault(type) + amount;
        }
    }

    public void Print(int top = 30)
    {
        lock (gate)
        {
            var total = bytesByType.Values.Sum();
            foreach (var (type, bytes) in bytesByType.OrderByDescending(kv => kv.Value).Take(top))
            {
                Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"alloc {bytes / 1024 / 1024,7} MB {100.0 * bytes / total,5:F1}%  {type}"));
            }
        }
    }
}
