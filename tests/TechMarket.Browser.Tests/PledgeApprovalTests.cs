using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TechMarket.Domain.Catalogue;
using TechMarket.Domain.Financing;
using TechMarket.Domain.Rights;
using TechMarket.Domain.Shared;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Financing;

namespace TechMarket.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class PledgeApprovalTests(BrowserSite site)
{
    private static readonly Guid Company = new("6f1c0c2e-0001-4a00-9000-000000000004");
    private static readonly Guid Lender = new("6f1c0c2e-0001-4a00-9000-000000000007");
    private static readonly Guid Evaluator = new("6f1c0c2e-0001-4a00-9000-000000000008");

    [Fact]
    public async Task Lender_reviews_and_approves_a_case_sent_to_it()
    {
        BrowserSite.SkipUnlessConfigured();
        var id = SeedCaseSubmittedToLender();
        var page = await site.SignedInPageAsync("lender@demo.techmarket.local");

        await page.GotoAsync("/pledges");
        await page.Locator($"tr[data-case='{id}'] a").ClickAsync();
        await page.WaitForURLAsync($"**/pledges/{id}");
        Assert.Equal("SubmittedToLender", await page.Locator("#workflow-diagram svg g.current").GetAttributeAsync("data-state"));
        await page.GetByRole(AriaRole.Button, new() { Name = "开始审查" }).ClickAsync();
        await Assertions.Expect(page.Locator("#case-state")).ToHaveAttributeAsync("data-state", "LenderReview");

        await page.Locator("#Approval_LoanAmountWanYuan").FillAsync("90");
        await page.Locator("#Approval_AnnualRatePercent").FillAsync("3.85");
        await page.Locator("#Approval_TermMonths").FillAsync("24");
        await page.Locator("#Approval_Conditions").FillAsync("实际控制人提供连带责任保证");
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync(); // the confirm before an approval
        await page.GetByRole(AriaRole.Button, new() { Name = "批准", Exact = true }).ClickAsync();

        await Assertions.Expect(page.Locator("#case-state")).ToHaveAttributeAsync("data-state", "Approved");
        Assert.Contains("¥900,000.00", await page.Locator("#decision").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal("Approved", await page.Locator("#workflow-diagram svg g.current").GetAttributeAsync("data-state"));
        Assert.Equal(0, await page.Locator("#act-Approve").CountAsync());
    }

    /// <summary>A case valued and sent to the demo lender, built through the domain and stored as the site stores it.</summary>
    private Guid SeedCaseSubmittedToLender()
    {
        using var scope = site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TechMarketDbContext>();
        var clock = TimeProvider.System;
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(8)).DateTime);
        var number = "ZL" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();
        var filed = today.AddYears(-2);
        db.PatentRights.Add(new PatentRightRow
        {
            Number = number, Title = "浏览器测试专利", Kind = AssetKind.InventionPatent, FiledOn = filed, GrantedOn = filed.AddYears(1),
            ExpiresOn = PatentRight.StatutoryExpiry(AssetKind.InventionPatent, filed), Status = PatentLegalStatus.InForce, Industry = Industry.NextGenIt,
            Patentees = [new PatenteeRow { PatentNumber = number, OrganizationId = Company, Name = "示例新能源科技有限公司" }],
        });
        var applicant = new PledgeActor(Company, Guid.NewGuid());
        var pledge = new PledgeCase(Guid.NewGuid(), Company, [Company], [number], now);
        Assert.True(pledge.RequestValuation(applicant, Evaluator, now).IsDone);
        Assert.True(pledge.RecordValuation(new PledgeActor(Evaluator, Guid.NewGuid()), new Valuation("示例资产评估有限公司", ValuationMethod.Income, Money.FromWanYuan(150), today, "SLPG-B-1"), now).IsDone);
        Assert.True(pledge.SubmitToLender(applicant, Lender, now).IsDone);
        db.PledgeCases.Add(new PledgeCaseRow
        {
            Id = pledge.Id, ApplicantId = Company, EvaluatorId = Evaluator, LenderId = Lender, State = pledge.State, RequestedAmountFen = Money.FromWanYuan(100).Fen,
            RequestedTermMonths = 24, Industry = Industry.NextGenIt, CreatedAt = now, UpdatedAt = now, ConcurrencyStamp = Guid.NewGuid(),
            Snapshot = PledgeJson.Write(pledge), Patents = [new PledgeCasePatentRow { PledgeCaseId = pledge.Id, PatentNumber = number }],
        });
        db.SaveChanges();
        return pledge.Id;
    }
}
