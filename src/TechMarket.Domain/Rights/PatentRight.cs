using TechMarket.Domain.Catalogue;
using TechMarket.Domain.Shared;

namespace TechMarket.Domain.Rights;

/// <summary>Where a patent stands in the CNIPA register (专利登记簿).</summary>
public enum PatentLegalStatus
{
    /// <summary>审中: an application, not granted.</summary>
    Application = 1,
    /// <summary>有效: granted and in force.</summary>
    InForce = 2,
    /// <summary>终止: lapsed (fees unpaid past grace, term ended, surrendered).</summary>
    Terminated = 3,
    /// <summary>无效: declared invalid.</summary>
    Invalidated = 4,
}

/// <summary>Proceedings that hang over a patent; several may stand at once.</summary>
[Flags]
public enum PatentProceedings
{
    None = 0,
    /// <summary>年费滞纳期: annual fee due and unpaid, within the 6-month grace period.</summary>
    AnnualFeeArrears = 1,
    /// <summary>无效宣告中: a request for invalidation is pending.</summary>
    InvalidationPending = 2,
    /// <summary>中止: procedures suspended over an ownership dispute.</summary>
    OwnershipDisputeSuspension = 4,
    /// <summary>保全: a court has ordered preservation.</summary>
    CourtPreservation = 8,
}

/// <summary>A registered patentee (专利权人). Co-owned patents have several.</summary>
public sealed record Patentee(Guid OrganizationId, string Name);

/// <summary>A pledge CNIPA has registered on the patent (质押登记).</summary>
public sealed record RegisteredPledge(Guid PledgeCaseId, Guid LenderId, string LenderName, string NoticeNumber, DateOnly RegisteredOn, DateOnly? ReleasedOn = null)
{
    public bool StandsOn(DateOnly day) => RegisteredOn <= day && (ReleasedOn is null || day < ReleasedOn);
}

/// <summary>What the pledged patent may be used for, or what a consent covers.</summary>
[Flags]
public enum PatentDealing
{
    None = 0,
    /// <summary>挂牌: publishing a listing.</summary>
    Listing = 1,
    /// <summary>拍卖 / 网络竞价</summary>
    Auction = 2,
    /// <summary>An ordinary licence bought at a fixed published price.</summary>
    ExpressLicence = 4,
    /// <summary>开放许可 (Patent Law Arts 50-52): declaring it or granting under it.</summary>
    OpenLicence = 8,
    /// <summary>A licence negotiated with one licensee (exclusive, sole or ordinary).</summary>
    NegotiatedLicence = 16,
    /// <summary>转让</summary>
    Assignment = 32,
    /// <summary>Another pledge (出质).</summary>
    Pledge = 64,
    /// <summary>作价投资</summary>
    EquityContribution = 128,
}

/// <summary>Civil Code Art. 444: proceeds of an assignment or licence of a pledged right go to early repayment or escrow (提存).</summary>
public enum ProceedsApplication
{
    EarlyRepayment = 1,
    Escrow = 2,
}

/// <summary>The lender's written consent, recorded in the platform, to deal with a pledged patent.</summary>
public sealed record LenderConsent(Guid PledgeCaseId, Guid LenderId, PatentDealing Scope, DateOnly GivenOn, DateOnly? ValidUntil, ProceedsApplication Proceeds)
{
    public bool Covers(PatentDealing dealing, DateOnly day) =>
        (Scope & dealing) == dealing && GivenOn <= day && (ValidUntil is null || day <= ValidUntil);
}

public enum LicenceType
{
    /// <summary>独占许可: only the licensee practises, not even the patentee.</summary>
    Exclusive = 1,
    /// <summary>排他许可: licensee and patentee only.</summary>
    Sole = 2,
    /// <summary>普通许可</summary>
    Ordinary = 3,
}

/// <summary>A licence already granted over the patent.</summary>
public sealed record LicenceGrant(LicenceType Type, Guid LicenseeId, DateOnly From, DateOnly? Until)
{
    public bool StandsOn(DateOnly day) => From <= day && (Until is null || day <= Until);
}

/// <summary>开放许可声明 published by CNIPA (Patent Law Art. 50).</summary>
public sealed record OpenLicenceDeclaration(DateOnly PublishedOn, Money Fee, DateOnly? WithdrawnOn)
{
    public bool StandsOn(DateOnly day) => PublishedOn <= day && (WithdrawnOn is null || day < WithdrawnOn);
}

/// <summary>A patent as the register shows it on a given day, with its encumbrances.</summary>
public sealed record PatentRight
{
    public PatentRight(string number, string title, AssetKind kind, DateOnly filedOn, DateOnly? grantedOn, DateOnly expiresOn,
        PatentLegalStatus status, IReadOnlyList<Patentee> patentees)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(number);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        if (patentees.Count == 0) throw new ArgumentException("A patent has at least one patentee.", nameof(patentees));
        Number = number;
        Title = title;
        Kind = kind;
        FiledOn = filedOn;
        GrantedOn = grantedOn;
        ExpiresOn = expiresOn;
        Status = status;
        Patentees = patentees;
    }

    public string Number { get; init; }
    public string Title { get; init; }
    public AssetKind Kind { get; init; }
    public DateOnly FiledOn { get; init; }
    public DateOnly? GrantedOn { get; init; }
    /// <summary>Last day of protection (term from filing, Patent Law Art. 42, plus any term compensation).</summary>
    public DateOnly ExpiresOn { get; init; }
    public PatentLegalStatus Status { get; init; }
    public PatentProceedings Proceedings { get; init; }
    public IReadOnlyList<Patentee> Patentees { get; init; }
    public IReadOnlyList<RegisteredPledge> Pledges { get; init; } = [];
    public IReadOnlyList<LenderConsent> Consents { get; init; } = [];
    public IReadOnlyList<LicenceGrant> Licences { get; init; } = [];
    public OpenLicenceDeclaration? OpenLicence { get; init; }
    /// <summary>Next annual fee due date, for reminders.</summary>
    public DateOnly? NextAnnualFeeDueOn { get; init; }

    public bool IsCoOwned => Patentees.Count > 1;

    public IEnumerable<RegisteredPledge> PledgesStandingOn(DateOnly day) => Pledges.Where(p => p.StandsOn(day));

    /// <summary>Patent Law Art. 42: invention 20 years, utility model 10, design 15, counted from the filing date.</summary>
    public static DateOnly StatutoryExpiry(AssetKind kind, DateOnly filedOn) => kind switch
    {
        AssetKind.InventionPatent => filedOn.AddYears(20).AddDays(-1),
        AssetKind.UtilityModel => filedOn.AddYears(10).AddDays(-1),
        AssetKind.Design => filedOn.AddYears(15).AddDays(-1),
        AssetKind.PatentApplication or AssetKind.ResearchResult or AssetKind.Demand =>
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Only granted patent kinds have a statutory term."),
    };
}
