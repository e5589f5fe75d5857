using TechMarket.Domain.Financing;
using TechMarket.Domain.Rights;
using TechMarket.Domain.Shared;
using TechMarket.Domain.Tests.Financing;
using static TechMarket.Domain.Tests.Financing.Parties;

namespace TechMarket.Domain.Tests.Rights;

public sealed class EncumbrancePolicyTests
{
    private static readonly Guid[] Owner = [Applicant];
    private static readonly RegisteredPledge Pledge = APatent.PledgeTo(Lender, "某银行坪山支行");
    private static readonly PatentRight Pledged = APatent.InForce() with { Pledges = [Pledge] };

    public static TheoryData<string> Paths() => ["listing", "auction", "express licence", "open licence", "negotiated licence", "new pledge", "assignment"];

    private static ProposedDealing DealingFor(string path, DateOnly on) => path switch
    {
        "listing" => ProposedDealing.Listing(on, Owner),
        "auction" => ProposedDealing.Auction(on, Owner),
        "express licence" => ProposedDealing.ExpressLicence(on, Owner),
        "open licence" => ProposedDealing.OpenLicence(on, Owner),
        "negotiated licence" => ProposedDealing.NegotiatedLicence(on, Owner, LicenceType.Ordinary),
        "new pledge" => ProposedDealing.Pledge(on, Owner),
        "assignment" => ProposedDealing.Assignment(on, Owner),
        _ => throw new ArgumentOutOfRangeException(nameof(path)),
    };

    private static LenderConsent ConsentTo(PatentDealing scope, DateOnly givenOn, DateOnly? until = null, Guid? lender = null) =>
        new(Pledge.PledgeCaseId, lender ?? Lender, scope, givenOn, until, ProceedsApplication.EarlyRepayment);

    [Theory]
    [MemberData(nameof(Paths))]
    public void Unpledged_patent_may_be_dealt_on_every_path(string path) =>
        Assert.True(EncumbrancePolicy.Decide(APatent.InForce(), DealingFor(path, Today)).IsAllowed);

    [Theory]
    [MemberData(nameof(Paths))]
    public void Pledged_patent_is_locked_on_every_path_without_lender_consent(string path)
    {
        var decision = EncumbrancePolicy.Decide(Pledged, DealingFor(path, Today));
        var refusal = Assert.Single(decision.Refusals);
        Assert.Equal(DealingRefusalCode.PledgedWithoutLenderConsent, refusal.Code);
        Assert.Equal(Lender, refusal.LenderId);
        Assert.Contains("某银行坪山支行", refusal.MessageZh);
        Assert.Contains("第四百四十四条", refusal.MessageZh);
        Assert.Contains("Art. 444", refusal.MessageEn);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Lender_consent_with_that_scope_unlocks_the_path(string path)
    {
        var dealing = DealingFor(path, Today);
        var patent = Pledged with { Consents = [ConsentTo(dealing.Kind, Today.AddDays(-3))] };
        Assert.True(EncumbrancePolicy.Decide(patent, dealing).IsAllowed);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Consent_for_another_dealing_does_not_unlock_this_one(string path)
    {
        var dealing = DealingFor(path, Today);
        var otherScope = (PatentDealing)((int)PatentDealing.EquityContribution * 2 - 1) & ~dealing.Kind;
        var patent = Pledged with { Consents = [ConsentTo(otherScope, Today.AddDays(-3))] };
        Assert.False(EncumbrancePolicy.Decide(patent, dealing).IsAllowed);
    }

    [Fact]
    public void Consent_counts_only_from_its_date_until_its_end()
    {
        var dealing = ProposedDealing.Listing(Today, Owner);
        Assert.False(EncumbrancePolicy.Decide(Pledged with { Consents = [ConsentTo(PatentDealing.Listing, Today.AddDays(1))] }, dealing).IsAllowed);
        Assert.False(EncumbrancePolicy.Decide(Pledged with { Consents = [ConsentTo(PatentDealing.Listing, Today.AddDays(-30), Today.AddDays(-1))] }, dealing).IsAllowed);
        Assert.True(EncumbrancePolicy.Decide(Pledged with { Consents = [ConsentTo(PatentDealing.Listing, Today.AddDays(-30), Today)] }, dealing).IsAllowed);
    }

    [Fact]
    public void Consent_must_come_from_the_lender_of_the_pledge()
    {
        var patent = Pledged with { Consents = [ConsentTo(PatentDealing.Listing, Today.AddDays(-1), lender: OtherLender)] };
        Assert.False(EncumbrancePolicy.Decide(patent, ProposedDealing.Listing(Today, Owner)).IsAllowed);
    }

    [Fact]
    public void The_lender_realising_its_own_pledge_may_auction_but_the_pledgor_may_not_sell()
    {
        var mandate = new PledgeRealisationMandate(Pledge.PledgeCaseId, Lender);
        // Civil Code Art. 436: the lender in default has the pledged patent auctioned; its own pledge does not lock that sale.
        Assert.True(EncumbrancePolicy.Decide(Pledged, ProposedDealing.RealisationAuction(Today, Owner, mandate)).IsAllowed);
        // The pledgor's own sale stays locked (Art. 444), and a mandate naming another case or lender does not open it.
        Assert.False(EncumbrancePolicy.Decide(Pledged, ProposedDealing.Auction(Today, Owner)).IsAllowed);
        Assert.False(EncumbrancePolicy.Decide(Pledged, ProposedDealing.Assignment(Today, Owner)).IsAllowed);
        Assert.False(EncumbrancePolicy.Decide(Pledged, ProposedDealing.RealisationAuction(Today, Owner, mandate with { LenderId = Guid.NewGuid() })).IsAllowed);
        Assert.False(EncumbrancePolicy.Decide(Pledged, ProposedDealing.RealisationAuction(Today, Owner, mandate with { PledgeCaseId = Guid.NewGuid() })).IsAllowed);
        // A second standing pledge to another lender still locks the realisation auction of the first.
        var second = APatent.PledgeTo(Guid.NewGuid(), "另一银行");
        var twice = APatent.InForce() with { Pledges = [Pledge, second] };
        var refusal = Assert.Single(EncumbrancePolicy.Decide(twice, ProposedDealing.RealisationAuction(Today, Owner, mandate)).Refusals);
        Assert.Equal("另一银行", refusal.LenderName);
    }

    [Fact]
    public void A_released_pledge_no_longer_locks()
    {
        var patent = APatent.InForce() with { Pledges = [Pledge with { ReleasedOn = Today }] };
        Assert.True(EncumbrancePolicy.Decide(patent, ProposedDealing.Assignment(Today, Owner)).IsAllowed);
        Assert.False(EncumbrancePolicy.Decide(patent, ProposedDealing.Assignment(Today.AddDays(-1), Owner)).IsAllowed);
    }

    [Fact]
    public void The_lock_follows_a_pledge_case_from_registration_to_release()
    {
        var c = APledgeCase.At(PledgeState.Registered);
        var on = APledgeCase.ARegistration.RegisteredOn;
        var patent = APatent.InForce() with { Pledges = [c.AsRegisteredPledge("某银行")!] };
        var refusal = Assert.Single(EncumbrancePolicy.Decide(patent, ProposedDealing.Auction(on, Owner)).Refusals);
        Assert.Equal(Lender, refusal.LenderId);
        Assert.Contains(APledgeCase.ARegistration.NoticeNumber, refusal.MessageZh);

        APledgeCase.Must(c.ReleasePledge(LenderActor, ReleaseGround.LenderWaived, on.AddDays(30), "放弃质权", T0.AddDays(60)));
        patent = APatent.InForce() with { Pledges = [c.AsRegisteredPledge("某银行")!] };
        Assert.True(EncumbrancePolicy.Decide(patent, ProposedDealing.Auction(on.AddDays(30), Owner)).IsAllowed);
    }

    [Fact]
    public void Every_standing_pledge_without_consent_is_named()
    {
        var second = APatent.PledgeTo(OtherLender, "某农商银行") with { PledgeCaseId = Guid.NewGuid() };
        var patent = Pledged with { Pledges = [Pledge, second], Consents = [ConsentTo(PatentDealing.Listing, Today)] };
        var refusal = Assert.Single(EncumbrancePolicy.Decide(patent, ProposedDealing.Listing(Today, Owner)).Refusals);
        Assert.Equal(OtherLender, refusal.LenderId);
    }

    [Theory]
    [InlineData("assignment", false)]
    [InlineData("exclusive", false)]
    [InlineData("sole", false)]
    [InlineData("pledge", false)]
    [InlineData("ordinary", true)]
    [InlineData("express", true)]
    public void One_co_owner_alone_may_grant_only_ordinary_licences(string dealing, bool allowed)
    {
        var patent = APatent.CoOwned();
        var proposal = dealing switch
        {
            "assignment" => ProposedDealing.Assignment(Today, Owner),
            "exclusive" => ProposedDealing.NegotiatedLicence(Today, Owner, LicenceType.Exclusive),
            "sole" => ProposedDealing.NegotiatedLicence(Today, Owner, LicenceType.Sole),
            "pledge" => ProposedDealing.Pledge(Today, Owner),
            "ordinary" => ProposedDealing.NegotiatedLicence(Today, Owner, LicenceType.Ordinary),
            _ => ProposedDealing.ExpressLicence(Today, Owner),
        };
        var decision = EncumbrancePolicy.Decide(patent, proposal);
        Assert.Equal(allowed, decision.IsAllowed);
        if (!allowed)
        {
            var refusal = Assert.Single(decision.Refusals);
            Assert.Equal(DealingRefusalCode.CoOwnersMissing, refusal.Code);
            Assert.Contains("某大学", refusal.MessageZh);
        }
        Assert.True(EncumbrancePolicy.Decide(patent, proposal with { ActingOwners = [Applicant, CoOwner] }).IsAllowed);
    }

    [Fact]
    public void A_listing_that_offers_assignment_of_a_co_owned_patent_needs_all_co_owners()
    {
        Assert.False(EncumbrancePolicy.Decide(APatent.CoOwned(), ProposedDealing.Listing(Today, Owner, assigns: true)).IsAllowed);
        Assert.True(EncumbrancePolicy.Decide(APatent.CoOwned(), ProposedDealing.Listing(Today, Owner)).IsAllowed);
    }

    [Fact]
    public void Someone_who_is_not_a_patentee_cannot_deal()
    {
        var refusal = Assert.Single(EncumbrancePolicy.Decide(APatent.InForce(), ProposedDealing.ExpressLicence(Today, [Stranger])).Refusals);
        Assert.Equal(DealingRefusalCode.NotPatentee, refusal.Code);
    }

    [Theory]
    [InlineData(LicenceType.Exclusive, false)]
    [InlineData(LicenceType.Sole, false)]
    [InlineData(LicenceType.Ordinary, true)]
    public void While_an_open_licence_stands_no_exclusive_or_sole_licence_may_be_granted(LicenceType type, bool allowed)
    {
        var patent = APatent.InForce() with { OpenLicence = new OpenLicenceDeclaration(Today.AddDays(-10), Money.FromYuan(20_000), null) };
        var decision = EncumbrancePolicy.Decide(patent, ProposedDealing.NegotiatedLicence(Today, Owner, type));
        Assert.Equal(allowed, decision.IsAllowed);
        if (!allowed) Assert.Equal(DealingRefusalCode.OpenLicenceBlocksExclusive, Assert.Single(decision.Refusals).Code);

        var withdrawn = patent with { OpenLicence = patent.OpenLicence! with { WithdrawnOn = Today } };
        Assert.True(EncumbrancePolicy.Decide(withdrawn, ProposedDealing.NegotiatedLicence(Today, Owner, type)).IsAllowed);
    }

    [Fact]
    public void A_listing_offering_an_exclusive_licence_is_refused_under_an_open_licence()
    {
        var patent = APatent.InForce() with { OpenLicence = new OpenLicenceDeclaration(Today.AddDays(-10), Money.FromYuan(20_000), null) };
        Assert.False(EncumbrancePolicy.Decide(patent, ProposedDealing.Listing(Today, Owner, exclusiveOrSole: true)).IsAllowed);
    }

    [Fact]
    public void An_exclusive_licence_in_force_leaves_no_room_for_another_licence_or_an_open_licence()
    {
        var patent = APatent.InForce() with { Licences = [new LicenceGrant(LicenceType.Exclusive, Guid.NewGuid(), Today.AddYears(-1), Today.AddYears(2))] };
        Assert.Equal(DealingRefusalCode.ExistingExclusiveLicence, Assert.Single(EncumbrancePolicy.Decide(patent, ProposedDealing.ExpressLicence(Today, Owner)).Refusals).Code);
        Assert.False(EncumbrancePolicy.Decide(patent, ProposedDealing.OpenLicence(Today, Owner)).IsAllowed);
        Assert.True(EncumbrancePolicy.Decide(patent, ProposedDealing.ExpressLicence(Today.AddYears(3), Owner)).IsAllowed);
    }

    [Theory]
    [InlineData(PatentLegalStatus.Terminated)]
    [InlineData(PatentLegalStatus.Invalidated)]
    public void A_dead_patent_cannot_be_dealt(PatentLegalStatus status) =>
        Assert.Equal(DealingRefusalCode.NotInForce,
            Assert.Single(EncumbrancePolicy.Decide(APatent.InForce() with { Status = status }, ProposedDealing.Listing(Today, Owner)).Refusals).Code);

    [Fact]
    public void Fee_arrears_block_listing_and_auction_and_preservation_blocks_everything()
    {
        var arrears = APatent.InForce() with { Proceedings = PatentProceedings.AnnualFeeArrears };
        Assert.False(EncumbrancePolicy.Decide(arrears, ProposedDealing.Listing(Today, Owner)).IsAllowed);
        Assert.False(EncumbrancePolicy.Decide(arrears, ProposedDealing.Auction(Today, Owner)).IsAllowed);
        Assert.True(EncumbrancePolicy.Decide(arrears, ProposedDealing.ExpressLicence(Today, Owner)).IsAllowed);
        var frozen = APatent.InForce() with { Proceedings = PatentProceedings.CourtPreservation };
        Assert.Equal(DealingRefusalCode.Frozen, Assert.Single(EncumbrancePolicy.Decide(frozen, ProposedDealing.ExpressLicence(Today, Owner)).Refusals).Code);
    }

    [Fact]
    public void One_dealing_at_a_time() =>
        Assert.Throws<ArgumentException>(() =>
            EncumbrancePolicy.Decide(APatent.InForce(), new ProposedDealing(PatentDealing.Listing | PatentDealing.Auction, Owner, Today)));
}
