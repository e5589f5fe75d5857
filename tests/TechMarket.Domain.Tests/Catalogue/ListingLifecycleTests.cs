using TechMarket.Domain.Catalogue;
using TechMarket.Domain.Shared;

namespace TechMarket.Domain.Tests.Catalogue;

public sealed class ListingLifecycleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 2, 0, 0, TimeSpan.Zero);

    private static Listing ADraft(TradeModes modes = TradeModes.Assignment, LegalStatus? status = LegalStatus.Valid)
    {
        var listing = new Listing(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), modes, Money.FromWanYuan(50), Industry.Biomedicine, 6, isDemo: false, createdAt: T0);
        listing.DeclareStanding(status, new DateOnly(2039, 2, 28), isPledged: false, pledgeeConsented: false, encumbrances: null);
        return listing;
    }

    [Fact]
    public void Draft_goes_through_review_to_publication_and_can_be_withdrawn()
    {
        var listing = ADraft();
        Assert.True(listing.Submit(AssetKind.InventionPatent, T0).Succeeded);
        Assert.Equal(ListingStatus.Submitted, listing.Status);
        Assert.True(listing.Reject("价格说明不清", T0.AddHours(1)).Succeeded);
        Assert.Equal("价格说明不清", listing.RejectionReason);
        listing.ChangeTerms(TradeModes.OrdinaryLicence, null, Industry.Biomedicine, 7);
        Assert.True(listing.Submit(AssetKind.InventionPatent, T0.AddHours(2)).Succeeded);
        Assert.Null(listing.RejectionReason);
        Assert.True(listing.Approve(AssetKind.InventionPatent, T0.AddHours(3)).Succeeded);
        Assert.Equal(ListingStatus.Published, listing.Status);
        Assert.Equal(T0.AddHours(3), listing.PublishedAt);
        Assert.False(listing.Submit(AssetKind.InventionPatent, T0.AddHours(4)).Succeeded);
        Assert.Throws<InvalidOperationException>(() => listing.ChangeTerms(TradeModes.Assignment, null, Industry.Biomedicine, 7));
        Assert.True(listing.Withdraw(T0.AddDays(1)).Succeeded);
        Assert.Equal(ListingStatus.Withdrawn, listing.Status);
        Assert.False(listing.Withdraw(T0.AddDays(2)).Succeeded);
    }

    [Fact]
    public void Rejection_needs_a_reason()
    {
        var listing = ADraft();
        listing.Submit(AssetKind.InventionPatent, T0);
        var outcome = listing.Reject("  ", T0);
        Assert.Equal(ListingProblemCode.ReasonMissing, Assert.Single(outcome.Problems).Code);
        Assert.Equal(ListingStatus.Submitted, listing.Status);
    }

    [Fact]
    public void Gate_runs_at_submission_and_again_at_approval()
    {
        var arrears = ADraft(status: LegalStatus.FeeArrears);
        Assert.Equal(ListingRefusal.FeeArrears, Assert.Single(arrears.Submit(AssetKind.InventionPatent, T0).Problems).Refusal);

        // Submitted while in force; the term ended (2039-02-28, China time) before the center got to it.
        var listing = ADraft();
        Assert.True(listing.Submit(AssetKind.InventionPatent, T0).Succeeded);
        var late = new DateTimeOffset(2039, 2, 28, 16, 30, 0, TimeSpan.Zero); // 2039-03-01 00:30 in UTC+8
        Assert.Equal(ListingRefusal.Lapsed, Assert.Single(listing.Approve(AssetKind.InventionPatent, late).Problems).Refusal);
        Assert.Equal(ListingStatus.Submitted, listing.Status);
    }

    [Fact]
    public void Patent_without_legal_status_cannot_be_submitted_but_a_research_result_can()
    {
        Assert.Equal(ListingProblemCode.LegalStatusMissing, Assert.Single(ADraft(status: null).Submit(AssetKind.InventionPatent, T0).Problems).Code);
        Assert.True(ADraft(status: null).Submit(AssetKind.ResearchResult, T0).Succeeded);
    }

    [Theory]
    [InlineData(TradeModes.Assignment, false)]
    [InlineData(TradeModes.ExclusiveLicence, false)]
    [InlineData(TradeModes.SoleLicence, false)]
    [InlineData(TradeModes.OrdinaryLicence, true)]
    public void Co_owned_patent_needs_every_consent_except_for_an_ordinary_licence(TradeModes modes, bool allowedWithoutConsent)
    {
        var listing = ADraft(modes);
        listing.SetCoOwners(["某某研究院", "某某公司"]);
        listing.RecordConsent("某某研究院", T0);
        Assert.Equal(allowedWithoutConsent, listing.Submit(AssetKind.InventionPatent, T0).Succeeded);
        if (allowedWithoutConsent) return;
        listing.RecordConsent("某某公司", T0);
        Assert.True(listing.Submit(AssetKind.InventionPatent, T0).Succeeded);
    }

    [Fact]
    public void Enquiry_is_readable_by_the_parties_and_by_the_center_only_once_asked_to_broker()
    {
        var (buyer, seller, other) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var enquiry = new Enquiry(Guid.NewGuid(), Guid.NewGuid(), buyer, seller, T0);
        Assert.True(enquiry.CanRead(buyer, false));
        Assert.True(enquiry.CanRead(seller, false));
        Assert.False(enquiry.CanRead(other, false));
        Assert.False(enquiry.CanRead(other, isCenterStaff: true));
        Assert.Throws<InvalidOperationException>(() => enquiry.Post(other, null, "hi", T0));
        enquiry.RequestBrokerage(seller, T0);
        Assert.True(enquiry.CanRead(other, isCenterStaff: true));
    }
}
