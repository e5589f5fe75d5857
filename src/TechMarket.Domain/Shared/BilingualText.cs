namespace TechMarket.Domain.Shared;

/// <summary>A message shown to users in Chinese (the default UI language) and English.</summary>
public readonly record struct BilingualText(string Zh, string En)
{
    public override string ToString() => $"{Zh} / {En}";
}
