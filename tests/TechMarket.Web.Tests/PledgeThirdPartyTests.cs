using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Financing;
using TechMarket.Infrastructure.Financing;
using TechMarket.Web.Tests.Auctions;
using TechMarket.Web.Tests.Infrastructure;

namespace TechMarket.Web.Tests;

/// <summary>Issue 9, third-party pledgor (Civil Code Art. 425): a patentee pledges its patent for another company's loan.</summary>
public abstract partial class PledgeFinancingTests
{
    [Fact]
    public async Task A_patentee_pledges_for_another_companys_loan_and_only_the_patentee_signs_as_pledgor()
    {
        site.SkipUnlessAvailable();
        var patent = SeedPatent();
        var borrower = await AuctionScenario.NewBidderAsync(site, "第三人出质借款企业有限公司");
        var company = await Accounts.SignedInAsync(site, Accounts.Company);
        var lender = await Accounts.SignedInAsync(site, Accounts.Lender);

        var page = await Html.ParseAsync(await company.GetAsync(new Uri("/pledges/new", UriKind.Relative), Ct));
        var form = (IHtmlFormElement)page.QuerySelector("#new-pledge-form")!;
        Assert.NotNull(form.QuerySelector($"#Input_BorrowerId option[value='{borrower.OrganizationId}']"));
        var created = await PostPairsAsync(company, form, [new("Input.Patents", patent), new("Input.AmountWanYuan", "100"), new("Input.TermMonths", "12"),
            new("Input.BorrowerId", borrower.OrganizationId.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = Guid.Parse(created.Headers.Location!.OriginalString.Split('/')[^1]);
        var row = site.WithDb(db => db.PledgeCases.AsNoTracking().Single(c => c.Id == id));
        Assert.Equal((borrower.OrganizationId, (Guid?)Company), (row.ApplicantId, row.ThirdPartyPledgorId));

        // Both see the case: the borrower as applicant, the patentee as pledgor; the page says it is a third-party pledge.
        var borrowerView = await Html.ParseAsync(await borrower.Client.GetAsync(new Uri($"/pledges/{id}", UriKind.Relative), Ct));
        Assert.Equal("第三人出质借款企业有限公司", borrowerView.QuerySelector("#borrower")!.TextContent.Trim());
        Assert.Contains("示例新能源科技有限公司", borrowerView.QuerySelector("#pledgors")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(borrowerView.QuerySelector("#third-party-pledge"));
        Assert.Contains(id.ToString(), await (await borrower.Client.GetAsync(new Uri("/pledges", UriKind.Relative), Ct)).Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await company.GetAsync(new Uri($"/pledges/{id}", UriKind.Relative), Ct)).StatusCode);

        await ToApprovedAsync(company, lender, id);
        // The borrower has no signing form, and a forged post is refused: the pledge contract is the pledgor's to sign.
        var approved = await Html.ParseAsync(await borrower.Client.GetAsync(new Uri($"/pledges/{id}", UriKind.Relative), Ct));
        Assert.Null(approved.QuerySelector("#act-SignContracts"));
        var token = ((IHtmlInputElement)approved.QuerySelector("input[name=__RequestVerificationToken]")!).Value;
        var contract = Contract(Today, Today.AddMonths(12), flowClause: false);
        var forged = await borrower.Client.PostAsync(new Uri($"/pledges/{id}?handler=Sign", UriKind.Relative),
            new FormUrlEncodedContent(contract.Append(new("__RequestVerificationToken", token))), Ct);
        Assert.Contains("质押合同须由出质人（专利权人）与质权人签署", (await Html.ParseAsync(forged)).QuerySelector("#case-error")!.TextContent, StringComparison.Ordinal);

        await ActAsync(lender, id, "SignContracts", contract);
        await ActAsync(company, id, "SignContracts", contract);
        Assert.Equal("ContractsSigned", await StateAsync(borrower.Client, id));
        // CNIPA's first ground: the pledgor is the registered patentee — the borrower need not be.
        var checks = await Html.ParseAsync(await company.GetAsync(new Uri($"/pledges/{id}/file", UriKind.Relative), Ct));
        Assert.Equal(9, checks.QuerySelectorAll("#filing-checks [data-passed=true]").Length);
        var pledge = site.WithDb(db => PledgeJson.Read(db.PledgeCases.AsNoTracking().Single(c => c.Id == id).Snapshot));
        Assert.Equal([Company], pledge.Pledgors);
        Assert.True(pledge.IsThirdPartyPledge);
        Assert.Equal(PledgeRole.Applicant, pledge.Signatures.Single(s => s.OrganizationId == Company).Side);
    }

    [Fact]
    public async Task A_third_party_pledge_names_a_verified_company_as_borrower()
    {
        site.SkipUnlessAvailable();
        var patent = SeedPatent();
        var company = await Accounts.SignedInAsync(site, Accounts.Company);
        var form = (IHtmlFormElement)(await Html.ParseAsync(await company.GetAsync(new Uri("/pledges/new", UriKind.Relative), Ct))).QuerySelector("#new-pledge-form")!;
        var refused = await PostPairsAsync(company, form, [new("Input.Patents", patent), new("Input.AmountWanYuan", "100"), new("Input.TermMonths", "12"),
            new("Input.BorrowerId", Lender.ToString())]);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("借款人须为已认证的企业", (await Html.ParseAsync(refused)).QuerySelector("#patents-error")!.TextContent, StringComparison.Ordinal);
    }
}
