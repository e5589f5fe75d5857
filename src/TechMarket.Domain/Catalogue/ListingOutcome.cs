using TechMarket.Domain.Shared;

namespace TechMarket.Domain.Catalogue;

/// <summary>Consent of one co-owner (共有人) to assignment or exclusive licence, Patent Law Art. 14.</summary>
public sealed class CoOwnerConsent
{
    private CoOwnerConsent() { Name = ""; }

    public CoOwnerConsent(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    public string Name { get; private set; }
    public DateTimeOffset? ConsentedAt { get; private set; }

    internal void Consent(DateTimeOffset at) => ConsentedAt ??= at;
}

public enum ListingProblemCode
{
    WrongStatus,
    LegalStatusMissing,
    Gate,
    CoOwnerConsentMissing,
    ReasonMissing,
    /// <summary>Civil Code Art. 444: a registered pledge stands and its lender has not consented.</summary>
    Pledged,
    /// <summary>Patent Law Art. 51: an open-licence declaration stands, so no exclusive or sole licence may be offered.</summary>
    OpenLicenceDeclared,
}

/// <summary>Why a listing transition was refused, with the message users see.</summary>
public sealed record ListingProblem(ListingProblemCode Code, BilingualText Message, ListingRefusal? Refusal = null)
{
    public static ListingProblem LegalStatusMissing { get; } = new(ListingProblemCode.LegalStatusMissing,
        new("请填写专利的法律状态", "State the patent's legal status"));

    public static ListingProblem ReasonMissing { get; } = new(ListingProblemCode.ReasonMissing,
        new("退回时请说明理由", "Give a reason for the rejection"));

    public static ListingProblem WrongStatus(ListingStatus status) => new(ListingProblemCode.WrongStatus,
        new($"挂牌当前状态（{status}）不允许此操作", $"Not allowed while the listing is {status}"));

    public static ListingProblem From(ListingRefusal refusal) => new(ListingProblemCode.Gate, refusal.Message(), refusal);

    public static ListingProblem CoOwnerConsentMissing(IEnumerable<string> names)
    {
        var list = string.Join("、", names);
        return new(ListingProblemCode.CoOwnerConsentMissing,
            new($"共有专利的转让或独占/排他许可须经全体共有人同意（专利法第十四条），尚缺：{list}",
                $"Assignment or an exclusive/sole licence of a co-owned patent needs every co-owner's consent (Patent Law Art. 14); missing: {list}"));
    }
}

public sealed record ListingOutcome(IReadOnlyList<ListingProblem> Problems)
{
    public static ListingOutcome Done { get; } = new([]);

    public bool Succeeded => Problems.Count == 0;

    public static ListingOutcome Refused(params ListingProblem[] problems) => new(problems);
}
