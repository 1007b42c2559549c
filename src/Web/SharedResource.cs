using Microsoft.Extensions.Localization;

// Resource names are computed from this root namespace, not from the assembly name ("Web").
[assembly: RootNamespace("Training.Web")]

namespace Training.Web;

/// <summary>
/// Marker for the site's one interface-text resource (Resources/SharedResource.resx). A new language is
/// a new SharedResource.{culture}.resx file beside it.
/// </summary>
public sealed class SharedResource;
