using System.Diagnostics.CodeAnalysis;

namespace TechMarket.Domain.Auctions;

/// <summary>
/// 竞买号: how a bidder appears until the close. Identities are revealed only on the confirmation (SPC 2016 Arts 8, 18),
/// so the engine, its log and the public state know bidders by this code alone.
/// </summary>
public readonly record struct BidderCode
{
    public const int MaxLength = 32;

    private readonly string? value;

    public BidderCode(string value)
    {
        if (!IsValid(value)) throw new ArgumentException($"A bidder code is 1-{MaxLength} letters, digits, '-' or '_'.", nameof(value));
        this.value = value;
    }

    public string Value => value ?? "";

    public static bool IsValid([NotNullWhen(true)] string? value) =>
        value is { Length: > 0 and <= MaxLength } && value.All(c => char.IsLetterOrDigit(c) || c is '-' or '_');

    public override string ToString() => Value;
}
