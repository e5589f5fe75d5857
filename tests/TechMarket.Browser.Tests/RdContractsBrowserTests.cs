using System.Globalization;
using System.Text;
using Microsoft.Playwright;

namespace TechMarket.Browser.Tests;

/// <summary>Issue 8 in a real browser: a company's demand to the first accepted milestone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RdContractsBrowserTests(BrowserSite site)
{
    private static string Day(int days) => DateTime.UtcNow.AddHours(8).Date.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Demand_to_first_accepted_milestone()
    {
        BrowserSite.SkipUnlessConfigured();
        var company = await site.SignedInPageAsync("company@demo.techmarket.local");
        var university = await site.SignedInPageAsync("university@demo.techmarket.local");

        // The company posts a demand.
        await company.GotoAsync("/demands/new");
        await company.GetByLabel("需求名称").FillAsync("低温电解液添加剂筛选");
        await company.GetByLabel("公开摘要").FillAsync("寻求 -30℃ 下容量保持率提升方案");
        await company.GetByLabel("问题描述（保密）").FillAsync("机密：低温内阻过高。");
        await company.GetByLabel("目标与技术指标（保密）").FillAsync("-30℃ 放电容量保持率 ≥ 80%。");
        await company.GetByLabel("预算下限（万元）").FillAsync("20");
        await company.GetByLabel("预算上限（万元）").FillAsync("40");
        await company.GetByLabel("截止日期").FillAsync(Day(45));
        await company.GetByLabel("所属产业（3+X）").SelectOptionAsync("NewEnergyVehicles");
        await company.GetByRole(AriaRole.Button, new() { Name = "发布", Exact = true }).ClickAsync();
        await company.WaitForURLAsync("**/demands/*");
        var demandUrl = new Uri(company.Url).AbsolutePath;
        Assert.Equal("低温电解液添加剂筛选", (await company.Locator("#demand-title").TextContentAsync())!.Split(' ')[0].Trim());

        // The university accepts the undertaking, reads the details and proposes.
        await university.GotoAsync(demandUrl);
        Assert.Equal(0, await university.Locator("#demand-details").CountAsync());
        await university.GetByLabel("请输入您的姓名以确认").FillAsync("王老师");
        await university.GetByRole(AriaRole.Button, new() { Name = "接受保密承诺并查看详情" }).ClickAsync();
        await Assertions.Expect(university.Locator("#demand-details")).ToContainTextAsync("低温内阻过高");
        await university.GetByRole(AriaRole.Link, new() { Name = "提交揭榜方案" }).ClickAsync();
        await university.GetByLabel("技术路线与方案").FillAsync("氟代碳酸酯与锂盐协同添加。");
        await university.GetByLabel("团队", new() { Exact = true }).FillAsync("教授1名，研究生3名。");
        await university.GetByLabel("报价（万元）").FillAsync("30");
        await university.GetByLabel("交付物 1").FillAsync("添加剂筛选报告");
        await university.GetByLabel("到期日 1").FillAsync(Day(30));
        await university.GetByLabel("金额（万元） 1").FillAsync("30");
        await university.GetByRole(AriaRole.Button, new() { Name = "提交方案" }).ClickAsync();
        await university.WaitForURLAsync("**/proposals/*");
        var proposalUrl = new Uri(university.Url).AbsolutePath;

        // The company selects it (揭榜, confirmed) and drafts a commissioned contract; both sign.
        company.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        university.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await company.GotoAsync(proposalUrl);
        await company.GetByRole(AriaRole.Button, new() { Name = "选定该方案（揭榜）" }).ClickAsync();
        await Assertions.Expect(company.Locator("#proposal-status")).ToContainTextAsync("已揭榜");
        await company.GetByRole(AriaRole.Button, new() { Name = "生成合同草稿" }).ClickAsync();
        await company.WaitForURLAsync("**/contracts/*");
        var contractUrl = new Uri(company.Url).AbsolutePath;
        await company.GetByLabel("签署人姓名（须与账户姓名一致）").FillAsync("示例企业管理员");
        await company.GetByRole(AriaRole.Button, new() { Name = "签署合同" }).ClickAsync();
        await Assertions.Expect(company.Locator(".signature")).ToHaveCountAsync(1);
        await university.GotoAsync(contractUrl);
        await university.GetByLabel("签署人姓名（须与账户姓名一致）").FillAsync("示例高校技术转移办");
        await university.GetByRole(AriaRole.Button, new() { Name = "签署合同" }).ClickAsync();
        await Assertions.Expect(university.Locator("#contract-status")).ToContainTextAsync("已生效");

        // The company transfers the milestone's amount quoting its reference; the center books the receipt: funded.
        await company.GotoAsync(contractUrl);
        var reference = (await company.Locator("#m1 .payment-reference").TextContentAsync())!.Trim();
        var center = await site.SignedInPageAsync("center@demo.techmarket.local");
        await center.GotoAsync("/Center/Payments/Receipts");
        await center.GetByLabel("付款识别码（转账附言）").FillAsync(reference);
        await center.GetByLabel("到账金额（元）").FillAsync("300000.00");
        await center.GetByLabel("银行流水号").FillAsync("BK" + Guid.NewGuid().ToString("N")[..12]);
        await center.GetByRole(AriaRole.Button, new() { Name = "登记到账" }).ClickAsync();
        await Assertions.Expect(center.Locator("body")).ToContainTextAsync("已入账");
        await company.GotoAsync(contractUrl);
        await Assertions.Expect(company.Locator("#m1")).ToHaveAttributeAsync("data-state", "Funded");
        await Assertions.Expect(company.Locator("#m1 .escrow-held")).ToHaveTextAsync("¥300,000.00");
        await university.GotoAsync(contractUrl);
        await university.GetByLabel("交付说明").FillAsync("筛选报告见附件。");
        await university.Locator("#files-1").SetInputFilesAsync(new FilePayload { Name = "报告.pdf", MimeType = "application/pdf", Buffer = Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF") });
        await university.GetByRole(AriaRole.Button, new() { Name = "提交交付物" }).ClickAsync();
        await Assertions.Expect(university.Locator("#m1")).ToHaveAttributeAsync("data-state", "Submitted");
        await company.GotoAsync(contractUrl);
        await Assertions.Expect(company.Locator("#m1 .deliverable-file")).ToHaveTextAsync("报告.pdf");
        await company.GetByRole(AriaRole.Button, new() { Name = "验收通过" }).ClickAsync();
        await Assertions.Expect(company.Locator("#m1")).ToHaveAttributeAsync("data-state", "Accepted");
        await Assertions.Expect(company.Locator("#m1 .escrow-released")).ToHaveTextAsync("¥300,000.00");
        await Assertions.Expect(company.Locator("#contract-status")).ToContainTextAsync("已完成");
    }
}
