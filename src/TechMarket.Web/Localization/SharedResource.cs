namespace TechMarket.Web;

/// <summary>Marker for the shared resource file. Keys are the Chinese (default) text; Resources/SharedResource.en.resx translates them.</summary>
public sealed class SharedResource;
