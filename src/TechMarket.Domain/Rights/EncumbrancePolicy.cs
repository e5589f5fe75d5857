namespace TechMarket.Domain.Rights;

/// <summary>A dealing someone proposes over one patent.</summary>
/// <param name="Kind">Exactly one dealing.</param>
/// <param name="ActingOwners">The patentees who join the dealing (sign, list, consent).</param>
/// <param name="Licence">For a negotiated licence: its type. Express and open licences are ordinary by nature.</param>
/// <param name="Assigns">For a listing or auction: whether it offers the whole right (assignment or equity) rather than only licences.</param>
/// <param name="OffersExclusiveOrSole">For a listing or auction: whether an exclusive or sole licence is on offer.</param>
/// <param name="Realising">For an auction: the pledge whose lender puts the patent up to realise it, if that is what this is.</param>
public sealed record ProposedDealing(PatentDealing Kind, IReadOnlyCollection<Guid> ActingOwners, DateOnly On,
    LicenceType? Licence = null, bool Assigns = false, bool OffersExclusiveOrSole = false, PledgeRealisationMandate? Realising = null)
{
    public static ProposedDealing Listing(DateOnly on, IReadOnlyCollection<Guid> owners, bool assigns = false, bool exclusiveOrSole = false) =>
        new(PatentDealing.Listing, owners, on, null, assigns, exclusiveOrSole);
    public static ProposedDealing Auction(DateOnly on, IReadOnlyCollection<Guid> owners, bool assigns = true) =>
        new(PatentDealing.Auction, owners, on, null, assigns);
    /// <summary>
    /// 质权实现: the lender of a registered pledge in default puts the pledged patent up for auction as consignor (Civil Code
    /// Arts 436, 438). It is the pledge's own end, so that pledge does not lock it; any other pledge still does.
    /// </summary>
    public static ProposedDealing RealisationAuction(DateOnly on, IReadOnlyCollection<Guid> owners, PledgeRealisationMandate mandate) =>
        new(PatentDealing.Auction, owners, on, null, true, false, mandate);
    public static ProposedDealing ExpressLicence(DateOnly on, IReadOnlyCollection<Guid> owners) =>
        new(PatentDealing.ExpressLicence, owners, on, LicenceType.Ordinary);
    public static ProposedDealing OpenLicence(DateOnly on, IReadOnlyCollection<Guid> owners) =>
        new(PatentDealing.OpenLicence, owners, on, LicenceType.Ordinary);
    public static ProposedDealing NegotiatedLicence(DateOnly on, IReadOnlyCollection<Guid> owners, LicenceType type) =>
        new(PatentDealing.NegotiatedLicence, owners, on, type);
    public static ProposedDealing Assignment(DateOnly on, IReadOnlyCollection<Guid> owners) =>
        new(PatentDealing.Assignment, owners, on, null, true);
    public static ProposedDealing Pledge(DateOnly on, IReadOnlyCollection<Guid> owners) =>
        new(PatentDealing.Pledge, owners, on);

    /// <summary>Patent Law Art. 14: beyond practising and ordinary licences, a co-owned patent needs every co-owner.</summary>
    public bool NeedsAllCoOwners => Kind switch
    {
        PatentDealing.Assignment or PatentDealing.EquityContribution or PatentDealing.Pledge => true,
        // Interpretation: the open-licence declaration is made by "the patentee" of record; for a co-owned patent we require all.
        PatentDealing.OpenLicence => true,
        PatentDealing.NegotiatedLicence => Licence is LicenceType.Exclusive or LicenceType.Sole,
        PatentDealing.Listing or PatentDealing.Auction => Assigns || OffersExclusiveOrSole,
        _ => false,
    };

    /// <summary>Whether this dealing grants or offers an exclusive or sole licence.</summary>
    public bool IsExclusiveOrSole =>
        Licence is LicenceType.Exclusive or LicenceType.Sole ||
        (Kind is PatentDealing.Listing or PatentDealing.Auction && OffersExclusiveOrSole);
}

/// <summary>The registered pledge (case and lender) being realised; the caller vouches that the case is in realisation.</summary>
public sealed record PledgeRealisationMandate(Guid PledgeCaseId, Guid LenderId);

public enum DealingRefusalCode
{
    /// <summary>Civil Code Art. 444: a registered pledge stands and its lender has not consented.</summary>
    PledgedWithoutLenderConsent = 1,
    /// <summary>Patent Law Art. 14: not every co-owner joined.</summary>
    CoOwnersMissing = 2,
    /// <summary>Patent Law Arts 50-52: an open-licence declaration stands.</summary>
    OpenLicenceBlocksExclusive = 3,
    /// <summary>An exclusive or sole licence already granted leaves nothing to grant.</summary>
    ExistingExclusiveLicence = 4,
    /// <summary>The patent is terminated or invalidated.</summary>
    NotInForce = 5,
    /// <summary>Fee arrears or pending invalidation: not listed or auctioned until cleared (exchange practice).</summary>
    LegalStatusUnclear = 6,
    /// <summary>A court preservation order or ownership-dispute suspension freezes the patent.</summary>
    Frozen = 7,
    /// <summary>The acting party is not a registered patentee.</summary>
    NotPatentee = 8,
}

/// <summary>One reason a dealing may not go ahead, in Chinese and English, naming the lender where one is the reason.</summary>
public sealed record DealingRefusal(DealingRefusalCode Code, string MessageZh, string MessageEn, Guid? LenderId = null, string? LenderName = null);

public sealed record DealingDecision(IReadOnlyList<DealingRefusal> Refusals)
{
    public static DealingDecision Allowed { get; } = new([]);
    public bool IsAllowed => Refusals.Count == 0;
}

/// <summary>
/// The one place that decides whether a patent may be listed, auctioned, licensed, assigned or pledged,
/// given its registered pledges and lender consents, its co-owners, open-licence declaration and licences.
/// Every path (listing submission and publication, auction creation, licence purchase, new pledge) asks it.
/// </summary>
public static class EncumbrancePolicy
{
    public static DealingDecision Decide(PatentRight patent, ProposedDealing dealing)
    {
        ArgumentNullException.ThrowIfNull(patent);
        ArgumentNullException.ThrowIfNull(dealing);
        if (dealing.Kind == PatentDealing.None || !IsSingle(dealing.Kind))
            throw new ArgumentException("Propose exactly one dealing at a time.", nameof(dealing));

        var refusals = new List<DealingRefusal>();
        Standing(patent, dealing, refusals);
        Owners(patent, dealing, refusals);
        Licences(patent, dealing, refusals);
        PledgeLock(patent, dealing, refusals);
        return refusals.Count == 0 ? DealingDecision.Allowed : new DealingDecision(refusals);
    }

    private static void Standing(PatentRight patent, ProposedDealing dealing, List<DealingRefusal> refusals)
    {
        if (patent.Status is PatentLegalStatus.Terminated or PatentLegalStatus.Invalidated)
            refusals.Add(new(DealingRefusalCode.NotInForce,
                $"专利 {patent.Number} 已终止或被宣告无效，不能交易。",
                $"Patent {patent.Number} is terminated or invalidated and cannot be dealt with."));
        if ((patent.Proceedings & (PatentProceedings.CourtPreservation | PatentProceedings.OwnershipDisputeSuspension)) != 0)
            refusals.Add(new(DealingRefusalCode.Frozen,
                $"专利 {patent.Number} 处于法院保全或权属纠纷中止程序中，暂不能交易。",
                $"Patent {patent.Number} is under court preservation or an ownership-dispute suspension."));
        // DOMAIN.md "Assets and listings": no fee arrears and no pending invalidation at listing, deposit and hammer.
        if (dealing.Kind is PatentDealing.Listing or PatentDealing.Auction &&
            (patent.Proceedings & (PatentProceedings.AnnualFeeArrears | PatentProceedings.InvalidationPending)) != 0)
            refusals.Add(new(DealingRefusalCode.LegalStatusUnclear,
                $"专利 {patent.Number} 欠缴年费或正在无效宣告程序中，清理前不能挂牌或拍卖。",
                $"Patent {patent.Number} has annual fees in arrears or a pending invalidation; it cannot be listed or auctioned until cleared."));
    }

    private static void Owners(PatentRight patent, ProposedDealing dealing, List<DealingRefusal> refusals)
    {
        var owners = patent.Patentees.Select(p => p.OrganizationId).ToHashSet();
        if (!dealing.ActingOwners.Any(owners.Contains))
        {
            refusals.Add(new(DealingRefusalCode.NotPatentee,
                $"申请方不是专利 {patent.Number} 的登记专利权人。",
                $"No acting party is a registered patentee of {patent.Number}."));
            return;
        }
        if (!dealing.NeedsAllCoOwners) return;
        var missing = patent.Patentees.Where(p => !dealing.ActingOwners.Contains(p.OrganizationId)).Select(p => p.Name).ToList();
        // Patent Law Art. 14; Pledge Measures Art. 4: assignment, exclusive or sole licence and pledge need every co-owner.
        if (missing.Count > 0)
            refusals.Add(new(DealingRefusalCode.CoOwnersMissing,
                $"专利 {patent.Number} 为共有专利，转让、独占或排他许可、出质须全体共有人同意（专利法第十四条），尚缺：{string.Join("、", missing)}。",
                $"Patent {patent.Number} is co-owned; assignment, exclusive or sole licence and pledge need every co-owner (Patent Law Art. 14). Missing: {string.Join(", ", missing)}."));
    }

    private static void Licences(PatentRight patent, ProposedDealing dealing, List<DealingRefusal> refusals)
    {
        var day = dealing.On;
        // Patent Law Art. 51: while an open-licence declaration stands, no exclusive or sole licence may be granted.
        if (dealing.IsExclusiveOrSole && patent.OpenLicence is { } open && open.StandsOn(day))
            refusals.Add(OpenLicenceBlocksExclusive(patent.Number));

        var standing = patent.Licences.Where(l => l.StandsOn(day)).ToList();
        var isLicensing = dealing.Kind is PatentDealing.ExpressLicence or PatentDealing.OpenLicence or PatentDealing.NegotiatedLicence;
        var exclusiveGranted = standing.Any(l => l.Type == LicenceType.Exclusive);
        var soleGranted = standing.Any(l => l.Type == LicenceType.Sole);
        // An exclusive licensee alone may practise, so no further licence; a sole licence excludes other licensees.
        // Implementing Rules Art. 86 (2023): no open-licence declaration over an exclusive or sole licence in force.
        if (isLicensing && (exclusiveGranted || soleGranted) || dealing.IsExclusiveOrSole && standing.Count > 0)
            refusals.Add(new(DealingRefusalCode.ExistingExclusiveLicence,
                $"专利 {patent.Number} 已有有效的独占或排他许可（或已有被许可人），不能再作此许可。",
                $"Patent {patent.Number} already has a licence in force that excludes this one."));
    }

    private static void PledgeLock(PatentRight patent, ProposedDealing dealing, List<DealingRefusal> refusals)
    {
        foreach (var pledge in patent.PledgesStandingOn(dealing.On))
        {
            // Civil Code Art. 436: on default the lender may have the pledged right auctioned; its own pledge does not stand in the way.
            if (dealing is { Kind: PatentDealing.Auction, Realising: { } mandate }
                && mandate.PledgeCaseId == pledge.PledgeCaseId && mandate.LenderId == pledge.LenderId) continue;
            // Civil Code Art. 444: after registration the pledged right may not be assigned or licensed without the
            // lender's consent; the platform also holds listing, auction and further pledges to the same consent.
            var consented = patent.Consents.Any(c =>
                c.PledgeCaseId == pledge.PledgeCaseId && c.LenderId == pledge.LenderId && c.Covers(dealing.Kind, dealing.On));
            if (!consented)
                refusals.Add(new(DealingRefusalCode.PledgedWithoutLenderConsent,
                    $"专利 {patent.Number} 已质押给 {pledge.LenderName}（登记通知书 {pledge.NoticeNumber}），未经质权人同意不得{Describe(dealing.Kind)}（民法典第四百四十四条）。",
                    $"Patent {patent.Number} is pledged to {pledge.LenderName} (notice {pledge.NoticeNumber}); it cannot be {DescribeEn(dealing.Kind)} without that lender's consent (Civil Code Art. 444).",
                    pledge.LenderId, pledge.LenderName));
        }
    }

    /// <summary>Patent Law Art. 51: while an open-licence declaration stands, no exclusive or sole licence may be granted (or offered).</summary>
    public static DealingRefusal OpenLicenceBlocksExclusive(string number) => new(DealingRefusalCode.OpenLicenceBlocksExclusive,
        $"专利 {number} 已发布开放许可声明，实行开放许可期间不得授予或挂牌独占、排他许可（专利法第五十一条）；撤回声明后方可。",
        $"Patent {number} is under an open-licence declaration; no exclusive or sole licence may be granted or listed meanwhile (Patent Law Art. 51) until the declaration is withdrawn.");

    private static bool IsSingle(PatentDealing kind) => ((int)kind & ((int)kind - 1)) == 0;

    public static string Describe(PatentDealing kind) => kind switch
    {
        PatentDealing.Listing => "挂牌",
        PatentDealing.Auction => "拍卖",
        PatentDealing.ExpressLicence => "快捷许可",
        PatentDealing.OpenLicence => "开放许可",
        PatentDealing.NegotiatedLicence => "协议许可",
        PatentDealing.Assignment => "转让",
        PatentDealing.Pledge => "再次出质",
        PatentDealing.EquityContribution => "作价投资",
        _ => kind.ToString(),
    };

    private static string DescribeEn(PatentDealing kind) => kind switch
    {
        PatentDealing.Listing => "listed",
        PatentDealing.Auction => "auctioned",
        PatentDealing.ExpressLicence => "licensed by express licence",
        PatentDealing.OpenLicence => "put under an open licence",
        PatentDealing.NegotiatedLicence => "licensed",
        PatentDealing.Assignment => "assigned",
        PatentDealing.Pledge => "pledged again",
        PatentDealing.EquityContribution => "contributed as equity",
        _ => kind.ToString(),
    };
}
