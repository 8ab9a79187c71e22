namespace Lindung.Web;

/// <summary>Marker for the shared UI strings in <c>Resources/SharedResource*.resx</c> (Indonesian default, English).</summary>
public sealed class SharedResource;
