using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TechMarket.Domain.Catalogue;
using TechMarket.Domain.Deals;
using TechMarket.Domain.Organizations;
using TechMarket.Domain.Shared;
using TechMarket.Infrastructure.Catalogue;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Deals;
using TechMarket.Infrastructure.Financing;
using TechMarket.Infrastructure.Identity;
using TechMarket.Infrastructure.Payments;
using TechMarket.Web.Tests.Infrastructure;
using UglyToad.PdfPig;

namespace TechMarket.Web.Tests.Deals;

/// <summary>Issue 7 deals over HTTP: 面议 → counter → accept → deal with publicity, objections, reward, contract signing and PDF; express and open licences.</summary>
public abstract class DealsTests(DealsSite site)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Offer_counter_accept_opens_a_deal_with_publicity_objections_reward_signatures_and_a_chinese_pdf()
    {
        site.SkipUnlessAvailable();
        var (university, universityOrg, universityName, universityUser) = await NewPartyAsync(OrganizationType.University, "深圳示范理工大学");
        var (company, companyOrg, companyName, companyUser) = await NewPartyAsync(OrganizationType.Company, "坪山新材料科技有限公司");
        var (stranger, _, _, strangerUser) = await NewPartyAsync(OrganizationType.Company, "无关企业");
        var listing = await PublishAsync(universityOrg, TradeModes.Assignment | TradeModes.OrdinaryLicence, "一种固态电解质薄膜的制备方法");

        // The buyer offers; a missing price is refused with both languages and the message kept.
        var offerForm = await FormAsync(company, $"/listings/{listing}/offer", "#offer-form");
        var invalid = await Html.ParseAsync(await Html.SubmitAsync(company, offerForm, new Dictionary<string, string> { ["PriceWan"] = "", ["TradeMode"] = "Assignment", ["Message"] = "保留的留言" }));
        Assert.Contains("Enter a price", invalid.QuerySelector("[data-valmsg-for='PriceWan']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("保留的留言", invalid.QuerySelector("#Message")!.TextContent);
        var offered = await Html.SubmitAsync(company, offerForm, new Dictionary<string, string> { ["PriceWan"] = "50", ["TradeMode"] = "Assignment", ["Message"] = "希望尽快签约" });
        Assert.Equal(HttpStatusCode.Redirect, offered.StatusCode);
        var thread = offered.Headers.Location!.OriginalString;
        await ExpectNoticeAsync(universityOrg, "新的面议报价", thread);

        // Private to the two organisations; the buyer cannot answer its own offer.
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(new Uri(thread, UriKind.Relative), Ct)).StatusCode);
        Assert.Null((await PageAsync(company, thread)).QuerySelector("#accept-form"));

        // Seller counters at 60 万元; the buyer accepts: one deal, assignment at 600,000 yuan, listing sold.
        await PostAsync(university, thread, "#counter-form", new() { ["CounterWan"] = "60", ["CounterMode"] = "Assignment", ["Message"] = "按评估价" });
        Assert.Contains("待买方答复", (await PageAsync(company, thread)).QuerySelector("#offer-status")!.TextContent, StringComparison.Ordinal);
        await ExpectNoticeAsync(companyOrg, "面议有新答复", thread);
        var accepted = await PostAsync(company, thread, "#accept-form");
        var dealUrl = accepted.Headers.Location!.OriginalString;
        var dealId = Guid.Parse(dealUrl.Split('/')[^1], CultureInfo.InvariantCulture);
        var deal = site.WithDb(db => db.Deals.AsNoTracking().Single(d => d.Id == dealId));
        Assert.Equal((DealOrigin.NegotiatedOffer, TradeModes.Assignment, 60_000_000L, DealStatus.Publicity), (deal.Origin, deal.TradeMode, deal.PriceFen, deal.Status));
        await ExpectNoticeAsync(universityOrg, "报价已接受", dealUrl);
        Assert.Equal(ListingStatus.Sold, site.WithDb(db => db.Listings.AsNoTracking().Single(l => l.Id == listing).Status));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(new Uri(dealUrl, UriKind.Relative), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await Accounts.SignedInAsync(site, Accounts.Center)).GetAsync(new Uri(dealUrl, UriKind.Relative), Ct)).StatusCode);

        // The notice is public; anyone signed in objects; no signing during publicity.
        var notice = await Html.ParseAsync(await Accounts.NewClient(site).GetAsync(new Uri($"/deals/{dealId}/notice", UriKind.Relative), Ct));
        Assert.Contains("¥600,000.00", notice.QuerySelector("#notice-price")!.TextContent, StringComparison.Ordinal);
        await PostAsync(stranger, $"/deals/{dealId}/notice", "#objection-form", new() { ["Reason"] = "价格明显低于市场评估价" });
        await ExpectNoticeAsync(universityOrg, "成交公示收到异议", dealUrl);
        await ExpectNoticeAsync(site.WithDb(db => db.Organizations.First(o => o.Type == OrganizationType.Center).Id), "成交公示收到异议", dealUrl);
        Assert.False(site.WithDb(db => db.Notifications.Any(n => n.OrganizationId == companyOrg && n.Title.Contains("异议"))));
        var during = await PageAsync(university, dealUrl);
        Assert.Null(during.QuerySelector("#sign-form"));
        Assert.NotNull(during.QuerySelector("#sign-after-publicity"));
        var early = await Html.ParseAsync(await Html.SubmitAsync(university, (IHtmlFormElement)during.QuerySelector("#end-publicity-form")!));
        Assert.Contains("公示期至", early.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);

        // After 15 days the unanswered objection still holds the deal; once answered, publicity ends.
        site.Clock.Advance(TimeSpan.FromDays(16));
        university = await Accounts.SignedInAsync(site, universityUser);
        company = await Accounts.SignedInAsync(site, companyUser);
        stranger = await Accounts.SignedInAsync(site, strangerUser);
        var pending = await Html.ParseAsync(await Html.SubmitAsync(university, await FormAsync(university, dealUrl, "#end-publicity-form")));
        Assert.Contains("未答复", pending.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        await PostAsync(university, dealUrl, ".answer-form", new() { ["AnswerText"] = "价格经第三方评估并经校务会审议。" });
        await PostAsync(university, dealUrl, "#end-publicity-form");
        Assert.Contains("待签署合同", (await PageAsync(university, dealUrl)).QuerySelector("#deal-status")!.TextContent, StringComparison.Ordinal);

        // Inventor reward: net income = price − costs; 50 % by default; below 50 % only with the rule it comes from.
        await PostAsync(university, dealUrl, "#reward-form", new() { ["CostsYuan"] = "100000", ["SharePercent"] = "50", ["Policy"] = "" });
        var reward = await PageAsync(university, dealUrl);
        Assert.Equal("¥500,000.00", reward.QuerySelector("#reward-net")!.TextContent.Trim());
        Assert.Equal("¥250,000.00", reward.QuerySelector("#reward-amount")!.TextContent.Trim());
        var low = await Html.ParseAsync(await Html.SubmitAsync(university, (IHtmlFormElement)reward.QuerySelector("#reward-form")!, new Dictionary<string, string> { ["CostsYuan"] = "100000", ["SharePercent"] = "30", ["Policy"] = "" }));
        Assert.Contains("第四十四、四十五条", low.QuerySelector("[data-valmsg-for='CostsYuan']")!.TextContent, StringComparison.Ordinal);
        await PostAsync(university, dealUrl, "#reward-form", new() { ["CostsYuan"] = "100000", ["SharePercent"] = "30", ["Policy"] = "本校科技成果转化管理办法第十二条" });
        Assert.Equal("¥150,000.00", (await PageAsync(university, dealUrl)).QuerySelector("#reward-amount")!.TextContent.Trim());
        Assert.Null((await PageAsync(company, dealUrl)).QuerySelector("#reward"));

        // Signing: the typed name must be the account's; an edit after one signature voids it; both sign the new version.
        var wrong = await Html.ParseAsync(await Html.SubmitAsync(company, await FormAsync(company, dealUrl, "#sign-form"), new Dictionary<string, string> { ["SignName"] = "张三" }));
        Assert.Contains("须与账户姓名", wrong.QuerySelector("[data-valmsg-for='SignName']")!.TextContent, StringComparison.Ordinal);
        await PostAsync(company, dealUrl, "#sign-form", new() { ["SignName"] = companyName + "经办人" });
        Assert.Single((await PageAsync(company, dealUrl)).QuerySelectorAll(".signature"));
        await ExpectNoticeAsync(universityOrg, "对方已签署合同", dealUrl);
        var termsForm = await FormAsync(university, dealUrl, "#terms-form");
        var values = AllFields(termsForm);
        values["Terms.Confidentiality"] = "保密期限为合同终止后五年。";
        Assert.Equal(HttpStatusCode.Redirect, (await Html.SubmitAsync(university, termsForm, values)).StatusCode);
        var voided = await PageAsync(company, dealUrl);
        Assert.Empty(voided.QuerySelectorAll(".signature"));
        Assert.Equal("2", voided.QuerySelector("#contract-version")!.TextContent.Trim());
        Assert.True(site.WithDb(db => db.AuditLog.Any(a => a.Action == "deal.contract_edited_signatures_voided")));
        await PostAsync(company, dealUrl, "#sign-form", new() { ["SignName"] = companyName + "经办人" });
        await PostAsync(university, dealUrl, "#sign-form", new() { ["SignName"] = universityName + "经办人" });
        var signed = await PageAsync(company, dealUrl);
        Assert.Contains("合同已签署", signed.QuerySelector("#deal-status")!.TextContent, StringComparison.Ordinal);
        await ExpectNoticeAsync(companyOrg, "合同已修改，已有签署作废", dealUrl);
        await ExpectNoticeAsync(universityOrg, "合同已由双方签署", dealUrl);
        await ExpectNoticeAsync(companyOrg, "合同已由双方签署", dealUrl);
        Assert.Null(signed.QuerySelector("#terms-form"));
        Assert.Contains("合同终止后五年", signed.QuerySelector("#contract-text")!.TextContent, StringComparison.Ordinal);

        // Documents: the confirmation names both parties; the PDF carries the Chinese text; the registration sheet.
        var confirmation = await PageAsync(company, $"/deals/{dealId}/confirmation");
        Assert.Equal(universityName, confirmation.QuerySelector("#confirmation-seller")!.TextContent.Trim());
        Assert.Equal(companyName, confirmation.QuerySelector("#confirmation-buyer")!.TextContent.Trim());
        var pdf = await company.GetAsync(new Uri($"/deals/{dealId}/contract.pdf", UriKind.Relative), Ct);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        using (var document = PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync(Ct)))
        {
            var text = string.Concat(document.GetPages().Select(p => string.Concat(p.Letters.Select(l => l.Value))));
            Assert.Contains("专利权转让合同", text, StringComparison.Ordinal);
            Assert.Contains(universityName, text, StringComparison.Ordinal);
            Assert.Contains(companyName, text, StringComparison.Ordinal);
            Assert.Contains("合同终止后五年", text, StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(new Uri($"/deals/{dealId}/contract.pdf", UriKind.Relative), Ct)).StatusCode);
        Assert.Contains("技术转让合同", (await PageAsync(university, $"/deals/{dealId}/registration")).QuerySelector("#sheet-category")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_acceptances_racing_for_one_assignment_open_one_deal_and_the_other_offer_lapses()
    {
        site.SkipUnlessAvailable();
        var (seller, sellerOrg, _, _) = await NewPartyAsync(OrganizationType.Company, "卖方科技");
        var (first, _, _, _) = await NewPartyAsync(OrganizationType.Company, "买方甲");
        var (second, _, _, _) = await NewPartyAsync(OrganizationType.Company, "买方乙");
        var listing = await PublishAsync(sellerOrg, TradeModes.Assignment, "一种电池热管理系统");
        var threads = new List<string>();
        foreach (var buyer in new[] { first, second })
        {
            var response = await Html.SubmitAsync(buyer, await FormAsync(buyer, $"/listings/{listing}/offer", "#offer-form"),
                new Dictionary<string, string> { ["PriceWan"] = "30", ["TradeMode"] = "Assignment" });
            threads.Add(response.Headers.Location!.OriginalString);
        }
        var forms = new List<IHtmlFormElement>();
        foreach (var t in threads) forms.Add(await FormAsync(seller, t, "#accept-form"));
        var results = await Task.WhenAll(forms.Select(f => Html.SubmitAsync(seller, f)));
        Assert.Single(results, r => r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location!.OriginalString.StartsWith("/deals/", StringComparison.Ordinal));
        Assert.Equal(1, site.WithDb(db => db.Deals.Count(d => d.ListingId == listing)));
        var statuses = site.WithDb(db => db.Offers.AsNoTracking().Where(o => o.ListingId == listing).Select(o => o.Status).ToList());
        Assert.Equal([OfferStatus.Accepted, OfferStatus.Lapsed], statuses.Order());
    }

    [Fact]
    public async Task A_party_cancelling_a_deal_before_signing_needs_a_reason_puts_the_listing_back_and_tells_the_other_party_why()
    {
        site.SkipUnlessAvailable();
        var (seller, sellerOrg, _, _) = await NewPartyAsync(OrganizationType.Company, "取消测试卖方");
        var (buyer, buyerOrg, _, _) = await NewPartyAsync(OrganizationType.Company, "取消测试买方");
        var listing = await PublishAsync(sellerOrg, TradeModes.Assignment, "一种储能电池的均衡控制方法");
        var thread = (await Html.SubmitAsync(buyer, await FormAsync(buyer, $"/listings/{listing}/offer", "#offer-form"),
            new Dictionary<string, string> { ["PriceWan"] = "20", ["TradeMode"] = "Assignment" })).Headers.Location!.OriginalString;
        var dealUrl = (await PostAsync(seller, thread, "#accept-form")).Headers.Location!.OriginalString;
        await ExpectNoticeAsync(buyerOrg, "报价已接受", dealUrl);

        var empty = await Html.ParseAsync(await Html.SubmitAsync(buyer, await FormAsync(buyer, dealUrl, "#cancel-form"), new Dictionary<string, string> { ["CancelReason"] = "" }));
        Assert.Contains("Give the reason", empty.QuerySelector("[data-valmsg-for='CancelReason']")!.TextContent, StringComparison.Ordinal);
        await PostAsync(buyer, dealUrl, "#cancel-form", new() { ["CancelReason"] = "董事会未批准本次受让" });
        var dealId = Guid.Parse(dealUrl.Split('/')[^1], CultureInfo.InvariantCulture);
        Assert.Equal(DealStatus.Cancelled, site.WithDb(db => db.Deals.AsNoTracking().Single(d => d.Id == dealId).Status));
        // The assignment had taken the listing off the market; it is back, and open to a new offer.
        Assert.Equal(ListingStatus.Published, site.WithDb(db => db.Listings.AsNoTracking().Single(l => l.Id == listing).Status));
        Assert.NotNull(await FormAsync(buyer, $"/listings/{listing}/offer", "#offer-form"));
        await ExpectNoticeAsync(sellerOrg, "成交已取消", dealUrl);
        Assert.True(site.WithDb(db => db.Notifications.Any(n => n.OrganizationId == sellerOrg && n.Body == "董事会未批准本次受让")));
        Assert.False(site.WithDb(db => db.Notifications.Any(n => n.OrganizationId == buyerOrg && n.Title.Contains("成交已取消"))));
    }

    [Fact]
    public async Task Express_licence_shows_its_terms_before_payment_and_opens_one_deal_and_settlement_per_purchase()
    {
        site.SkipUnlessAvailable();
        var (seller, sellerOrg, _, _) = await NewPartyAsync(OrganizationType.Company, "许可方科技");
        var (buyer, buyerOrg, _, _) = await NewPartyAsync(OrganizationType.Company, "被许可方科技");
        var listing = await PublishAsync(sellerOrg, TradeModes.OrdinaryLicence, "一种图像去噪算法");
        await PostAsync(seller, $"/seller/listings/{listing}/licensing", "#express-settings-form",
            new() { ["ExpressOffered"] = "true", ["ExpressWan"] = "2", ["Scope"] = "在自有产品中使用", ["Territory"] = "广东省", ["Term"] = "三年" });

        var page = await PageAsync(buyer, $"/listings/{listing}/express-licence");
        Assert.Equal("在自有产品中使用", page.QuerySelector("#terms-scope")!.TextContent);
        Assert.Equal("¥20,000.00", page.QuerySelector("#terms-price")!.TextContent);
        var form = (IHtmlFormElement)page.QuerySelector("#express-form")!;
        var unaccepted = await Html.ParseAsync(await Html.SubmitAsync(buyer, form));
        Assert.Contains("接受许可条款", unaccepted.QuerySelector("[data-valmsg-for='AcceptTerms']")!.TextContent, StringComparison.Ordinal);
        var bought = await Html.SubmitAsync(buyer, form, new Dictionary<string, string> { ["AcceptTerms"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, bought.StatusCode);
        // The same form posted again (a retry) buys nothing more.
        Assert.Equal(bought.Headers.Location, (await Html.SubmitAsync(buyer, form, new Dictionary<string, string> { ["AcceptTerms"] = "true" })).Headers.Location);

        var deal = site.WithDb(db => db.Deals.AsNoTracking().Single(d => d.ListingId == listing));
        Assert.Equal((DealOrigin.ExpressLicence, TradeModes.OrdinaryLicence, 2_000_000L, DealStatus.AwaitingSignatures), (deal.Origin, deal.TradeMode, deal.PriceFen, deal.Status));
        Assert.Contains("广东省", deal.AcceptedTerms, StringComparison.Ordinal);
        var settlement = site.WithDb(db => db.Settlements.AsNoTracking().Single(s => s.SubjectKind == DepositSubjectKind.Deal && s.SubjectId == deal.Id));
        Assert.Equal((buyerOrg, 2_000_000L), (settlement.BuyerOrganizationId, settlement.BuyerOwesFen));
        Assert.Equal(deal.SettlementId, settlement.Id);
        // An ordinary licence leaves the listing on the market.
        Assert.Equal(ListingStatus.Published, site.WithDb(db => db.Listings.AsNoTracking().Single(l => l.Id == listing).Status));
    }

    [Fact]
    public async Task An_open_licence_declaration_grants_on_notice_and_payment_and_blocks_exclusive_listings_and_deals_until_withdrawn()
    {
        site.SkipUnlessAvailable();
        var (seller, sellerOrg, _, sellerUser) = await NewPartyAsync(OrganizationType.Company, "开放许可专利权人");
        var (buyer, _, _, _) = await NewPartyAsync(OrganizationType.Company, "开放许可实施企业");
        var listing = await PublishAsync(sellerOrg, TradeModes.OpenLicence | TradeModes.OrdinaryLicence, "一种低功耗传感器节点");
        await PostAsync(seller, $"/seller/listings/{listing}/licensing", "#declare-form", new() { ["FeeWan"] = "1.5", ["DeclarationTerms"] = "一次性支付，许可期限三年" });
        Assert.Contains("¥15,000.00", (await PageAsync(Accounts.NewClient(site), "/open-licences")).QuerySelector("#declarations")!.TextContent, StringComparison.Ordinal);

        // Any company that notifies and pays holds an ordinary licence at once.
        var granted = await PostAsync(buyer, $"/listings/{listing}/open-licence", "#open-licence-form", new() { ["Notice"] = "我方依据专利法第五十一条书面通知：愿按声明条件实施并付费。" });
        var dealId = Guid.Parse(granted.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
        var deal = site.WithDb(db => db.Deals.AsNoTracking().Single(d => d.Id == dealId));
        Assert.Equal((DealOrigin.OpenLicence, TradeModes.OrdinaryLicence, DealStatus.Granted, 1_500_000L), (deal.Origin, deal.TradeMode, deal.Status, deal.PriceFen));
        Assert.True(site.WithDb(db => db.Settlements.Any(s => s.SubjectKind == DepositSubjectKind.Deal && s.SubjectId == dealId)));

        // Meanwhile an exclusive licence of the same patent can neither be submitted for listing nor dealt.
        var recordId = site.WithDb(db => db.Listings.AsNoTracking().Single(l => l.Id == listing).CatalogueRecordId);
        var draft = await AddListingAsync(sellerOrg, recordId, TradeModes.ExclusiveLicence, publish: false);
        var exclusive = await AddListingAsync(sellerOrg, recordId, TradeModes.ExclusiveLicence, publish: true);
        var refused = await SubmitAsync(draft, sellerOrg);
        var problem = Assert.Single(refused.Problems, p => p.Code == ListingProblemCode.OpenLicenceDeclared);
        Assert.Contains("专利法第五十一条", problem.Message.Zh, StringComparison.Ordinal);
        Assert.Contains("Art. 51", problem.Message.En, StringComparison.Ordinal);
        var offer = await Html.SubmitAsync(buyer, await FormAsync(buyer, $"/listings/{exclusive}/offer", "#offer-form"),
            new Dictionary<string, string> { ["PriceWan"] = "80", ["TradeMode"] = "ExclusiveLicence" });
        var thread = offer.Headers.Location!.OriginalString;
        var dealRefused = await Html.ParseAsync(await Html.SubmitAsync(seller, await FormAsync(seller, thread, "#accept-form")));
        Assert.Contains("开放许可声明", dealRefused.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.False(site.WithDb(db => db.Deals.Any(d => d.ListingId == exclusive)));

        // Withdrawal is published with its reason; the exclusive listing may then be submitted.
        await PostAsync(seller, $"/seller/listings/{listing}/licensing", "#withdraw-declaration-form", new() { ["WithdrawalReason"] = "拟独占许可给产业化合作方" });
        var published = await PageAsync(Accounts.NewClient(site), "/open-licences");
        Assert.Contains("拟独占许可给产业化合作方", published.QuerySelector(".withdrawn")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain((await SubmitAsync(draft, sellerOrg)).Problems, p => p.Code == ListingProblemCode.OpenLicenceDeclared);
        _ = sellerUser;
    }

    [Fact]
    public async Task OpenDeal_refuses_a_pledged_patent_naming_the_lender_and_opens_an_origin_once()
    {
        site.SkipUnlessAvailable();
        string? number = null, recordId = null;
        for (var i = 0; i < 100 && recordId is null; i++)
        {
            (number, recordId) = site.WithDb(db => db.PatentRights.Where(p => p.SourceRecordId != null).OrderByDescending(p => p.Number)
                .Select(p => new { p.Number, p.SourceRecordId }).AsEnumerable().Select(p => (p.Number, p.SourceRecordId)).FirstOrDefault());
            if (recordId is null) await Task.Delay(100, Ct);
        }
        var listing = site.WithDb(db => db.Listings.AsNoTracking().First(l => l.Record!.RecordId == recordId && l.Status == ListingStatus.Published));
        var (_, buyerOrg, _, _) = await NewPartyAsync(OrganizationType.Company, "质押测试买方");
        var mode = TradeModes.OrdinaryLicence;
        Assert.True(listing.TradeModes.HasFlag(mode) || listing.TradeModes.HasFlag(TradeModes.Assignment));
        if (!listing.TradeModes.HasFlag(mode)) mode = TradeModes.Assignment;

        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TechMarketDbContext>();
        var open = scope.ServiceProvider.GetRequiredService<OpenDeal>();
        var patentee = db.PatentRights.Where(p => p.Number == number).SelectMany(p => p.Patentees).Select(p => p.OrganizationId).First();
        var opened = await scope.ServiceProvider.GetRequiredService<CreatePledgeCase>().RunAsync(new Domain.Financing.PledgeActor(patentee, Guid.NewGuid()),
            new NewPledgeCase(patentee, null, [number!], new Money(1_000_000_00), 12, "test"), Ct);
        var caseId = opened.CaseId ?? throw new InvalidOperationException(string.Join("; ", opened.Refusals.Select(r => r.MessageEn)));
        var pledge = new PatentPledgeRow
        {
            Id = Guid.NewGuid(), PatentNumber = number!, PledgeCaseId = caseId, LenderId = new Guid("6f1c0c2e-0001-4a00-9000-000000000007"), LenderName = "坪山测试银行",
            NoticeNumber = "ZL-DEAL-0001", RegisteredOn = ChinaTime.Today(site.Clock.GetUtcNow()).AddDays(-1),
        };
        db.PatentPledges.Add(pledge);
        await db.SaveChangesAsync(Ct);
        var refused = await open.RunAsync(new OpenDealCommand(DealOrigin.NegotiatedOffer, Guid.NewGuid(), listing.Id, buyerOrg, mode, Money.FromYuan(100_000)), Ct);
        Assert.Equal(OpenDealRefusal.Encumbered, refused.Refusal);
        Assert.Equal("坪山测试银行", refused.Encumbrance!.LenderName);
        Assert.Contains("坪山测试银行", refused.Message.Zh, StringComparison.Ordinal);

        db.ChangeTracker.Clear();
        db.PatentPledges.Remove(db.PatentPledges.Single(p => p.Id == pledge.Id));
        await db.SaveChangesAsync(Ct);
        var origin = Guid.NewGuid();
        var command = new OpenDealCommand(DealOrigin.NegotiatedOffer, origin, listing.Id, buyerOrg, TradeModes.OrdinaryLicence, Money.FromYuan(100_000));
        if (!listing.TradeModes.HasFlag(TradeModes.OrdinaryLicence)) return; // Only ordinary licences leave the shared demo listing on the market.
        var first = await open.RunAsync(command, Ct);
        var again = await open.RunAsync(command, Ct);
        Assert.True(first.Succeeded && again.Succeeded && again.WasAlreadyOpen);
        Assert.Equal(first.Deal!.Id, again.Deal!.Id);
        Assert.Equal(1, site.WithDb(d => d.Deals.Count(x => x.OriginId == origin)));
    }

    /// <summary>
    /// The buyer cancels while the seller gives the final signature, both from pages showing the same deal, started together,
    /// round after round: half the rounds with every save held until both have read the deal (the worst interleaving, every
    /// time), half free-running. Exactly one commits: the deal ends signed by both (the cancellation refused) or cancelled
    /// with the first signature only (the signature refused); never both, the loser told why in Chinese and English on its
    /// page, not a 500, and the audit log records the winner's step alone.
    /// </summary>
    [Fact]
    public async Task A_cancellation_racing_the_final_signature_ends_signed_or_cancelled_never_both()
    {
        site.SkipUnlessAvailable();
        const int Rounds = 16;
        var (seller, sellerOrg, sellerName, _) = await NewPartyAsync(OrganizationType.Company, "签署竞态卖方");
        var (buyer, buyerOrg, buyerName, _) = await NewPartyAsync(OrganizationType.Company, "签署竞态买方");
        // Ordinary licences leave the listing on the market: one listing serves every round.
        var listing = await PublishAsync(sellerOrg, TradeModes.OrdinaryLicence, "一种锂电池极片涂布厚度在线检测方法");
        var outcomes = new List<string>();
        for (var round = 0; round < Rounds; round++)
        {
            var dealId = await OpenDealAsync(listing, buyerOrg);
            var dealUrl = $"/deals/{dealId}";
            await PostAsync(buyer, dealUrl, "#sign-form", new() { ["SignName"] = buyerName + "经办人" });
            var signForm = await FormAsync(seller, dealUrl, "#sign-form");
            var cancelForm = await FormAsync(buyer, dealUrl, "#cancel-form");
            var reason = $"第 {round} 轮：买方董事会否决";
            if (round % 2 == 0) site.SaveGate.Arm(dealId, racers: 2);
            HttpResponseMessage[] responses;
            try
            {
                var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                var sign = Task.Run(async () => { await start.Task; return await Html.SubmitAsync(seller, signForm, new Dictionary<string, string> { ["SignName"] = sellerName + "经办人" }); }, Ct);
                var cancel = Task.Run(async () => { await start.Task; return await Html.SubmitAsync(buyer, cancelForm, new Dictionary<string, string> { ["CancelReason"] = reason }); }, Ct);
                start.SetResult();
                responses = await Task.WhenAll(sign, cancel);
            }
            finally
            {
                site.SaveGate.Disarm();
            }

            var (signed, cancelled) = (responses[0], responses[1]);
            Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"round {round}: {(int)r.StatusCode}"));
            Assert.True((signed.StatusCode == HttpStatusCode.Redirect) ^ (cancelled.StatusCode == HttpStatusCode.Redirect),
                $"round {round}: sign {(int)signed.StatusCode}, cancel {(int)cancelled.StatusCode}: exactly one may commit");
            var deal = site.WithDb(db => db.Deals.AsNoTracking().Single(d => d.Id == dealId));
            var signatures = site.WithDb(db => db.DealSignatures.AsNoTracking().Where(x => x.DealId == dealId).Select(x => x.Side).ToList());
            var audited = site.WithDb(db => db.AuditLog.AsNoTracking().Where(a => a.EntityType == nameof(DealRecord) && a.EntityId == dealId.ToString())
                .Select(a => a.Action).ToList());
            var loser = await Html.ParseAsync(signed.StatusCode == HttpStatusCode.Redirect ? cancelled : signed);
            var alert = loser.QuerySelector("[role=alert]")!.TextContent;
            Assert.Contains("成交状态已被他人更改", alert, StringComparison.Ordinal);
            Assert.Contains("The deal changed meanwhile", alert, StringComparison.Ordinal);
            if (signed.StatusCode == HttpStatusCode.Redirect)
            {
                Assert.Equal(DealStatus.BothSigned, deal.Status);
                Assert.Null(deal.CancellationReason);
                Assert.Equal(2, signatures.Count);
                Assert.Contains("deal.signed_by_both", audited);
                Assert.DoesNotContain("deal.cancelled", audited);
                // The refused canceller's page keeps the reason typed.
                Assert.Equal(reason, loser.QuerySelector<IHtmlTextAreaElement>("#CancelReason")!.Value);
                outcomes.Add("signed");
            }
            else
            {
                Assert.Equal(DealStatus.Cancelled, deal.Status);
                Assert.Equal(reason, deal.CancellationReason);
                Assert.Equal([OfferSide.Buyer], signatures);
                Assert.Contains("deal.cancelled", audited);
                Assert.DoesNotContain("deal.signed_by_both", audited);
                Assert.Contains("已取消", loser.QuerySelector("#deal-status")!.TextContent, StringComparison.Ordinal);
                outcomes.Add("cancelled");
            }
        }
        TestContext.Current.TestOutputHelper?.WriteLine($"{site.Provider}: {outcomes.Count(o => o == "signed")} signed, {outcomes.Count(o => o == "cancelled")} cancelled");
    }

    /// <summary>
    /// Both parties sign at the same moment, each save held until the other has read the deal: without the version each
    /// would see the other's signature missing and the deal would keep two signatures yet never be marked signed (and, the
    /// sign forms gone, stay so). One signature is saved, the other refused; signed again from the fresh page, the deal is signed.
    /// </summary>
    [Fact]
    public async Task Two_first_signatures_at_once_cannot_leave_a_deal_signed_by_both_but_unmarked()
    {
        site.SkipUnlessAvailable();
        var (seller, sellerOrg, sellerName, _) = await NewPartyAsync(OrganizationType.Company, "同时签署卖方");
        var (buyer, buyerOrg, buyerName, _) = await NewPartyAsync(OrganizationType.Company, "同时签署买方");
        var listing = await PublishAsync(sellerOrg, TradeModes.OrdinaryLicence, "一种固态电池界面改性方法");
        for (var round = 0; round < 3; round++)
        {
            var dealId = await OpenDealAsync(listing, buyerOrg);
            var dealUrl = $"/deals/{dealId}";
            var parties = new[] { (Client: seller, Name: sellerName, Form: await FormAsync(seller, dealUrl, "#sign-form")),
                (Client: buyer, Name: buyerName, Form: await FormAsync(buyer, dealUrl, "#sign-form")) };
            site.SaveGate.Arm(dealId, racers: 2);
            HttpResponseMessage[] responses;
            try
            {
                responses = await Task.WhenAll(parties.Select(p => Task.Run(() => Html.SubmitAsync(p.Client, p.Form, new Dictionary<string, string> { ["SignName"] = p.Name + "经办人" }), Ct)));
            }
            finally
            {
                site.SaveGate.Disarm();
            }
            var winner = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
            var loserIndex = responses[0] == winner ? 1 : 0;
            Assert.Equal(HttpStatusCode.OK, responses[loserIndex].StatusCode);
            Assert.Contains("成交状态已被他人更改", (await Html.ParseAsync(responses[loserIndex])).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
            Assert.Single(site.WithDb(db => db.DealSignatures.AsNoTracking().Where(x => x.DealId == dealId).ToList()));
            Assert.Equal(DealStatus.AwaitingSignatures, site.WithDb(db => db.Deals.AsNoTracking().Single(d => d.Id == dealId)).Status);

            var loser = parties[loserIndex];
            await PostAsync(loser.Client, dealUrl, "#sign-form", new() { ["SignName"] = loser.Name + "经办人" });
            Assert.Equal(DealStatus.BothSigned, site.WithDb(db => db.Deals.AsNoTracking().Single(d => d.Id == dealId)).Status);
        }
    }

    /// <summary>
    /// Two parties edit the contract from the same page: the first edit is saved; the second, made from the older page, is
    /// refused instead of silently replacing it, keeps what was typed, and shows the saved text beside it. Sent again from
    /// the page it now has, it is saved (the other's edit was seen).
    /// </summary>
    [Fact]
    public async Task A_contract_edit_from_a_page_older_than_the_deal_is_refused_and_keeps_the_typed_terms()
    {
        site.SkipUnlessAvailable();
        var (seller, sellerOrg, _, _) = await NewPartyAsync(OrganizationType.Company, "改稿卖方");
        var (buyer, buyerOrg, _, _) = await NewPartyAsync(OrganizationType.Company, "改稿买方");
        var listing = await PublishAsync(sellerOrg, TradeModes.OrdinaryLicence, "一种光伏组件热斑检测装置");
        var dealUrl = $"/deals/{await OpenDealAsync(listing, buyerOrg)}";
        var sellerForm = await FormAsync(seller, dealUrl, "#terms-form");
        var buyerForm = await FormAsync(buyer, dealUrl, "#terms-form");

        var sellerTerms = AllFields(sellerForm);
        sellerTerms["Terms.Confidentiality"] = "卖方版本：保密期限十年。";
        Assert.Equal(HttpStatusCode.Redirect, (await Html.SubmitAsync(seller, sellerForm, sellerTerms)).StatusCode);
        var buyerTerms = AllFields(buyerForm);
        buyerTerms["Terms.Confidentiality"] = "买方版本：保密期限三年。";
        var refused = await Html.SubmitAsync(buyer, buyerForm, buyerTerms);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await Html.ParseAsync(refused);
        Assert.Contains("成交状态已被他人更改", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("买方版本：保密期限三年。", page.QuerySelector<IHtmlTextAreaElement>("#Terms_Confidentiality")!.Value);
        Assert.Contains("卖方版本：保密期限十年。", page.QuerySelector("#saved-contract")!.TextContent, StringComparison.Ordinal);
        var deal = site.WithDb(db => db.Deals.AsNoTracking().Single(d => d.ListingId == listing));
        Assert.Equal("卖方版本：保密期限十年。", deal.Contract!.Confidentiality);
        Assert.Equal(2, deal.ContractVersion);

        // Having seen the seller's text, the buyer sends its own again from the refreshed page: saved as version 3.
        var again = (IHtmlFormElement)page.QuerySelector("#terms-form")!;
        Assert.Equal(HttpStatusCode.Redirect, (await Html.SubmitAsync(buyer, again, AllFields(again))).StatusCode);
        deal = site.WithDb(db => db.Deals.AsNoTracking().Single(d => d.ListingId == listing));
        Assert.Equal(("买方版本：保密期限三年。", 3), (deal.Contract!.Confidentiality, deal.ContractVersion));
    }

    // --- helpers ---

    /// <summary>A deal over the listing with this buyer, as an accepted offer opens it (the seller is a company: no publicity).</summary>
    private async Task<Guid> OpenDealAsync(Guid listingId, Guid buyerOrganizationId)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var opened = await scope.ServiceProvider.GetRequiredService<OpenDeal>().RunAsync(new OpenDealCommand(DealOrigin.NegotiatedOffer, Guid.NewGuid(), listingId,
            buyerOrganizationId, TradeModes.OrdinaryLicence, Money.FromYuan(80_000)), Ct);
        Assert.True(opened.Succeeded, opened.Message.En);
        Assert.Equal(DealStatus.AwaitingSignatures, opened.Deal!.Status);
        return opened.Deal.Id;
    }


    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string selector, Dictionary<string, string>? values = null)
    {
        var response = await Html.SubmitAsync(client, await FormAsync(client, url, selector), values);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var page = await Html.ParseAsync(response);
            Assert.Fail($"POST {selector} on {url} answered {(int)response.StatusCode}: {page.QuerySelector("[role=alert]")?.TextContent} {string.Join(" ", page.QuerySelectorAll(".text-danger").Select(e => e.TextContent))}");
        }
        return response;
    }

    private static async Task<IHtmlFormElement> FormAsync(HttpClient client, string url, string selector)
    {
        var page = await PageAsync(client, url);
        return page.QuerySelector(selector) as IHtmlFormElement ?? (IHtmlFormElement)page.QuerySelector(selector)!.Closest("form")!;
    }

    private static async Task<IDocument> PageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Html.ParseAsync(response);
    }

    /// <summary>Every named field of a form as a browser would send it (inputs, textareas, selects).</summary>
    private static Dictionary<string, string> AllFields(IHtmlFormElement form)
    {
        var values = new Dictionary<string, string>();
        foreach (var e in form.Elements)
        {
            switch (e)
            {
                case IHtmlInputElement i when !string.IsNullOrEmpty(i.Name) && i.Type != "checkbox": values[i.Name] = i.Value; break;
                case IHtmlTextAreaElement t when !string.IsNullOrEmpty(t.Name): values[t.Name] = t.Value; break;
                case IHtmlSelectElement s when !string.IsNullOrEmpty(s.Name): values[s.Name] = s.Value ?? ""; break;
            }
        }
        return values;
    }

    private async Task<(HttpClient Client, Guid OrganizationId, string Name, string Email)> NewPartyAsync(OrganizationType type, string name)
    {
        var email = $"deal-{Guid.NewGuid():N}@example.cn";
        var orgName = name + Guid.NewGuid().ToString("N")[..4];
        Guid orgId;
        using (var scope = site.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TechMarketDbContext>();
            var org = new Organization(Guid.NewGuid(), orgName, null, type, null, isDemo: true, createdAt: site.Clock.GetUtcNow());
            org.MarkVerified(site.Clock.GetUtcNow());
            db.Organizations.Add(org);
            await db.SaveChangesAsync(Ct);
            orgId = org.Id;
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var created = await users.CreateAsync(new AppUser
            {
                UserName = email, Email = email, EmailConfirmed = true, DisplayName = orgName + "经办人", OrganizationId = org.Id,
                OrganizationRole = OrganizationRole.Admin, CreatedAt = site.Clock.GetUtcNow(),
            }, Accounts.DemoPassword);
            Assert.True(created.Succeeded);
        }
        return (await Accounts.SignedInAsync(site, email), orgId, orgName, email);
    }

    /// <summary>A published listing over a new catalogue record (research result, so no register entry is involved).</summary>
    private async Task<Guid> PublishAsync(Guid organizationId, TradeModes modes, string title)
    {
        using var scope = site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TechMarketDbContext>();
        var record = new CatalogueRecord(Guid.NewGuid(), "TEST-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant(), AssetKind.ResearchResult, title,
            "摘要", null, "zh", "test", "test", null, null, null);
        db.CatalogueRecords.Add(record);
        await db.SaveChangesAsync(Ct);
        return await AddListingAsync(organizationId, record.Id, modes, publish: true);
    }

    private async Task<Guid> AddListingAsync(Guid organizationId, Guid recordId, TradeModes modes, bool publish)
    {
        using var scope = site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TechMarketDbContext>();
        var listing = new Listing(Guid.NewGuid(), recordId, organizationId, modes, Money.FromYuan(500_000), Industry.FutureIndustries, 5, isDemo: true, createdAt: site.Clock.GetUtcNow());
        if (publish) listing.PublishDemo(site.Clock.GetUtcNow());
        db.Listings.Add(listing);
        await db.SaveChangesAsync(Ct);
        return listing.Id;
    }

    private async Task<ListingCommandResult> SubmitAsync(Guid listingId, Guid organizationId)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SubmitListing>().RunAsync(listingId, organizationId, Ct);
    }

    /// <summary>The organisation got an in-app notice (the outbox dispatcher also mails its members) with this title and link.</summary>
    private async Task ExpectNoticeAsync(Guid organizationId, string title, string link)
    {
        await Eventually.TrueAsync(() => site.WithDb(db => db.Notifications.Any(n => n.OrganizationId == organizationId && n.Title.Contains(title) && n.Link == link)),
            $"no notice “{title}” linking {link}");
    }
}

public sealed class SqliteDealsTests(DealsSqliteSite site) : DealsTests(site), IClassFixture<DealsSqliteSite>;

public sealed class PostgresDealsTests(DealsPostgresSite site) : DealsTests(site), IClassFixture<DealsPostgresSite>;
