using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using TechMarket.Domain.Brokerage;
using TechMarket.Domain.Events;
using TechMarket.Domain.Payments;
using TechMarket.Infrastructure.Events;
using TechMarket.Web.Tests.Infrastructure;

namespace TechMarket.Web.Tests;

/// <summary>Issue 10 over HTTP: the brokerage pipeline, promotion events, and articles written in the site.</summary>
public abstract class CenterWorkspaceTests(TechMarketSite site)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // ---- navigation ----

    [Fact]
    public async Task Center_staff_reach_every_workspace_page_from_one_menu_and_others_do_not_see_it()
    {
        site.SkipUnlessAvailable();
        var center = await Accounts.SignedInAsync(site, Accounts.Center);
        var home = await Html.ParseAsync(await center.GetAsync(new Uri("/", UriKind.Relative), Ct));
        var links = home.QuerySelectorAll("#center-menu + .dropdown-menu a.dropdown-item").Select(a => a.GetAttribute("href")!).ToList();
        Assert.True(links.Count >= 12, string.Join(" ", links));
        Assert.Equal(links.Count, links.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        foreach (var link in links)
        {
            var response = await center.GetAsync(new Uri(link, UriKind.Relative), Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{link}: {(int)response.StatusCode} {response.Headers.Location}");
        }
        var company = await Accounts.SignedInAsync(site, Accounts.Company);
        Assert.Null((await Html.ParseAsync(await company.GetAsync(new Uri("/", UriKind.Relative), Ct))).QuerySelector("#center-menu"));
    }

    // ---- brokerage ----

    [Fact]
    public async Task Pipeline_is_for_center_staff_only()
    {
        site.SkipUnlessAvailable();
        var anonymous = await Accounts.NewClient(site).GetAsync(new Uri("/center/brokerage", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/Account/Login", anonymous.Headers.Location!.ToString(), StringComparison.Ordinal);
        foreach (var who in new[] { Accounts.Company, Accounts.University, Accounts.Admin })
        {
            var client = await Accounts.SignedInAsync(site, who);
            foreach (var path in new[] { "/center/brokerage", "/center/brokerage?view=list", $"/center/brokerage/{Guid.NewGuid()}", "/center/events", "/center/articles" })
            {
                var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden || response.Headers.Location?.ToString().Contains("AccessDenied", StringComparison.Ordinal) == true,
                    $"{who} {path}: {(int)response.StatusCode} {response.Headers.Location}");
            }
        }
        var center = await Accounts.SignedInAsync(site, Accounts.Center);
        Assert.Equal(HttpStatusCode.OK, (await center.GetAsync(new Uri("/center/brokerage", UriKind.Relative), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await center.GetAsync(new Uri("/center/brokerage?view=list", UriKind.Relative), Ct)).StatusCode);
    }

    [Fact]
    public async Task Broker_reads_the_sellers_enquiry_threads_only_after_assignment_each_view_audited_and_the_fee_is_booked_once_on_close()
    {
        site.SkipUnlessAvailable();
        var listing = await PublishAsync("一种用于经纪测试的固态电池隔膜");
        var company = await Accounts.SignedInAsync(site, Accounts.Company);
        var started = await PostFormAsync(company, $"/listings/{listing}/enquire", "#enquiry-form", [new("Message", "请问是否可以独占许可？")]);
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var thread = started.Headers.Location!.ToString();
        var enquiryId = Guid.Parse(thread.TrimEnd('/').Split('/')[^1]);

        // The seller asks for brokerage on the listing page.
        var seller = await Accounts.SignedInAsync(site, Accounts.University);
        var listingPage = await Html.ParseAsync(await seller.GetAsync(new Uri($"/listings/{listing}", UriKind.Relative), Ct));
        var requestUrl = listingPage.QuerySelector("#brokerage-link")!.GetAttribute("href")!;
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(seller, requestUrl, "#brokerage-request-form", [])).StatusCode);
        // Asked once: the page says so instead of offering the form again.
        var asked = await Html.ParseAsync(await seller.GetAsync(new Uri(requestUrl, UriKind.Relative), Ct));
        Assert.NotNull(asked.QuerySelector("#brokerage-requested"));
        Assert.Null(asked.QuerySelector("#brokerage-request-form"));
        var caseId = site.WithDb(db => db.BrokerageCases.Single(c => c.SubjectKind == BrokerageSubjectKind.Listing && c.SubjectId == listing).Id);

        var center = await Accounts.SignedInAsync(site, Accounts.Center);
        var board = await Html.ParseAsync(await center.GetAsync(new Uri("/center/brokerage", UriKind.Relative), Ct));
        Assert.NotNull(board.QuerySelector($"[data-stage='New'] .brokerage-card[data-case='{caseId}']"));

        // Not assigned yet: the thread stays private, and nothing was viewed.
        Assert.Equal(HttpStatusCode.NotFound, (await center.GetAsync(new Uri(thread, UriKind.Relative), Ct)).StatusCode);
        Assert.Empty(Views(enquiryId));
        var casePage = await Html.ParseAsync(await center.GetAsync(new Uri($"/center/brokerage/{caseId}", UriKind.Relative), Ct));
        Assert.NotNull(casePage.QuerySelector("#no-threads"));
        // Moving on needs a broker.
        var refused = await PostFormAsync(center, $"/center/brokerage/{caseId}", "#move-form", []);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("请先指派技术经纪人", (await Html.ParseAsync(refused)).QuerySelector("#case-problems")!.TextContent, StringComparison.Ordinal);

        var centerUser = site.WithDb(db => db.Users.Single(u => u.Email == Accounts.Center).Id);
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(center, $"/center/brokerage/{caseId}", "#plan-form",
            [new("Plan.BrokerUserId", centerUser.ToString()), new("Plan.NextAction", "约双方面谈"), new("Plan.DueOn", "2031-03-02"), new("Plan.FeeYuan", "")])).StatusCode);

        var read = await center.GetAsync(new Uri(thread, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Contains("请问是否可以独占许可？", await read.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var view = Assert.Single(Views(enquiryId));
        Assert.Equal(centerUser, view.UserId);
        // The parties' own reads are not broker views.
        Assert.Equal(HttpStatusCode.OK, (await company.GetAsync(new Uri(thread, UriKind.Relative), Ct)).StatusCode);
        Assert.Single(Views(enquiryId));
        // Another organisation still gets 404.
        var lender = await Accounts.SignedInAsync(site, Accounts.Lender);
        Assert.Equal(HttpStatusCode.NotFound, (await lender.GetAsync(new Uri(thread, UriKind.Relative), Ct)).StatusCode);

        // new → contacted → negotiating → deal; closing needs the fee.
        foreach (var _ in new[] { "Contacted", "Negotiating", "Deal" })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(center, $"/center/brokerage/{caseId}", "#move-form", [])).StatusCode);
        }
        var noFee = await PostFormAsync(center, $"/center/brokerage/{caseId}", "#move-form", []);
        Assert.Contains("经纪服务费", (await Html.ParseAsync(noFee)).QuerySelector("#case-problems")!.TextContent, StringComparison.Ordinal);
        var badFee = await PostFormAsync(center, $"/center/brokerage/{caseId}", "#plan-form", [new("Plan.BrokerUserId", centerUser.ToString()), new("Plan.FeeYuan", "-5")]);
        Assert.Equal(HttpStatusCode.OK, badFee.StatusCode);
        Assert.Equal("-5", ((IHtmlInputElement)(await Html.ParseAsync(badFee)).QuerySelector("#Plan_FeeYuan")!).Value);
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(center, $"/center/brokerage/{caseId}", "#plan-form",
            [new("Plan.BrokerUserId", centerUser.ToString()), new("Plan.FeeYuan", "12000.50")])).StatusCode);
        var closeForm = await Html.ParseAsync(await center.GetAsync(new Uri($"/center/brokerage/{caseId}", UriKind.Relative), Ct));
        var close = (IHtmlFormElement)closeForm.QuerySelector("#move-form")!;
        var closed = await Html.SubmitAsync(center, close);
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        // A replayed close (double click, retry) changes nothing.
        Assert.Equal(HttpStatusCode.OK, (await Html.SubmitAsync(center, close)).StatusCode);

        var university = site.WithDb(db => db.Users.Single(u => u.Email == Accounts.University).OrganizationId!.Value);
        site.WithDb(db =>
        {
            Assert.Equal(BrokerageStage.Closed, db.BrokerageCases.Single(c => c.Id == caseId).Stage);
            var entry = db.JournalEntries.Include(e => e.Postings).Single(e => e.CauseKind == BusinessEventKind.BrokerageFeeEarned && e.CauseId == caseId);
            Assert.Equal(1_200_050L, entry.Postings.Single(p => p.AccountKind == LedgerAccountKind.BrokerageFeesReceivable && p.Party == university).AmountFen);
            Assert.Equal(-1_200_050L, entry.Postings.Single(p => p.AccountKind == LedgerAccountKind.BrokerageFeeIncome).AmountFen);
            Assert.Equal(0L, db.Postings.Sum(p => p.AmountFen)); // The whole ledger balances.
            Assert.Equal(1, db.JournalEntries.Count(e => e.CauseKind == BusinessEventKind.BrokerageFeeEarned && e.CauseId == caseId));
            Assert.Contains(db.AuditLog.Where(a => a.EntityType == "BrokerageCase" && a.EntityId == caseId.ToString()).Select(a => a.Action).ToList(), a => a == "brokerage.closed");
            return 0;
        });
    }

    [Fact]
    public async Task Broker_is_reminded_by_email_on_the_due_date_exactly_once()
    {
        site.SkipUnlessAvailable();
        var listing = await PublishAsync("一种用于提醒测试的储能变流器");
        var seller = await Accounts.SignedInAsync(site, Accounts.University);
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(seller, $"/brokerage/request?kind=Listing&id={listing}", "#brokerage-request-form", [])).StatusCode);
        var caseId = site.WithDb(db => db.BrokerageCases.Single(c => c.SubjectId == listing).Id);
        var center = await Accounts.SignedInAsync(site, Accounts.Center);
        var centerUser = site.WithDb(db => db.Users.Single(u => u.Email == Accounts.Center).Id);
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(center, $"/center/brokerage/{caseId}", "#plan-form",
            [new("Plan.BrokerUserId", centerUser.ToString()), new("Plan.NextAction", "寄送许可合同草稿"), new("Plan.DueOn", "2032-05-10")])).StatusCode);

        var marker = "寄送许可合同草稿";
        // 2032-05-09 23:00 Beijing: the day before; nothing yet.
        var clock = new FakeTimeProvider(new DateTimeOffset(2032, 5, 9, 15, 0, 0, TimeSpan.Zero));
        await RunTwoReminderNodesAsync(clock, async () =>
        {
            clock.Advance(TimeSpan.FromMinutes(15));
            await Task.Delay(200, Ct);
            Assert.Empty(await MailsContainingAsync(marker));
            clock.Advance(TimeSpan.FromHours(2)); // Past midnight in Beijing: the due date.
            Assert.True(await EventuallyAsync(async () => (await MailsContainingAsync(marker)).Count > 0, clock), "no reminder on the due date");
            for (var i = 0; i < 8; i++) { clock.Advance(TimeSpan.FromMinutes(15)); await Task.Delay(50, Ct); }
        });
        var mails = await MailsContainingAsync(marker);
        var mail = Assert.Single(mails);
        Assert.Contains(Accounts.Center, mail.To.ToString(), StringComparison.Ordinal);
    }

    // ---- events ----

    [Fact]
    public async Task Capacity_fills_then_the_waiting_list_and_a_cancellation_promotes_the_first_waiting_in_order()
    {
        site.SkipUnlessAvailable();
        var id = await CreateEventAsync("推介会容量测试", capacity: 2, start: "2031-06-01T14:00");
        var clients = new Dictionary<string, HttpClient>();
        foreach (var who in new[] { Accounts.Company, Accounts.University, Accounts.Lender, Accounts.Evaluator })
        {
            clients[who] = await Accounts.SignedInAsync(site, who);
            Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(clients[who], $"/events/{id}", "#register-form", [])).StatusCode);
        }
        Assert.Equal("Confirmed", await MyStatusAsync(clients[Accounts.Company], id));
        Assert.Equal("Confirmed", await MyStatusAsync(clients[Accounts.University], id));
        Assert.Equal("Waitlisted", await MyStatusAsync(clients[Accounts.Lender], id));
        Assert.Equal("Waitlisted", await MyStatusAsync(clients[Accounts.Evaluator], id));
        // Registering again does not take a second seat.
        Assert.Null((await Html.ParseAsync(await clients[Accounts.Company].GetAsync(new Uri($"/events/{id}", UriKind.Relative), Ct))).QuerySelector("#register-form"));

        var before = MailFiles();
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(clients[Accounts.Company], $"/events/{id}", "#cancel-form", [])).StatusCode);
        Assert.Equal("Confirmed", await MyStatusAsync(clients[Accounts.Lender], id));
        Assert.Equal("Waitlisted", await MyStatusAsync(clients[Accounts.Evaluator], id));
        Assert.Null(await MyStatusAsync(clients[Accounts.Company], id));
        var told = await MailsContainingAsync("您已从候补转为正式报名", before);
        Assert.Contains(told, m => m.To.ToString().Contains(Accounts.Lender, StringComparison.Ordinal));

        // The door list shows the confirmed; staff check one in.
        var center = await Accounts.SignedInAsync(site, Accounts.Center);
        var list = await Html.ParseAsync(await center.GetAsync(new Uri($"/center/events/{id}/attendees", UriKind.Relative), Ct));
        Assert.Equal(2, list.QuerySelectorAll("#check-in-list tbody tr").Length);
        Assert.Single(list.QuerySelectorAll("#waitlist li"));
        var form = (IHtmlFormElement)list.QuerySelector("#check-in-list .check-in-form")!;
        Assert.Equal(HttpStatusCode.Redirect, (await Html.SubmitAsync(center, form)).StatusCode);
        Assert.Equal(1, site.WithDb(db => db.EventRegistrations.Count(r => r.EventId == id && r.CheckedInAt != null)));
    }

    [Fact]
    public async Task Two_requests_for_the_last_seat_give_one_seat_and_one_place_on_the_waiting_list()
    {
        site.SkipUnlessAvailable();
        var a = await Accounts.SignedInAsync(site, Accounts.Company);
        var b = await Accounts.SignedInAsync(site, Accounts.University);
        for (var round = 0; round < 3; round++)
        {
            var id = await CreateEventAsync($"最后一个名额并发测试 {round}", capacity: 1, start: "2031-07-01T09:30");
            var formA = await RegisterFormAsync(a, id);
            var formB = await RegisterFormAsync(b, id);
            var results = await Task.WhenAll(Html.SubmitAsync(a, formA), Html.SubmitAsync(b, formB));
            Assert.All(results, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
            var statuses = site.WithDb(db => db.EventRegistrations.Where(r => r.EventId == id).Select(r => r.Status).ToList());
            Assert.Equal([EventRegistrationStatus.Confirmed, EventRegistrationStatus.Waitlisted], statuses.Order());
        }
    }

    [Fact]
    public async Task Calendar_file_is_rfc5545_with_crlf_escaped_text_and_utc_times()
    {
        site.SkipUnlessAvailable();
        var id = await CreateEventAsync("政策解读; 专利, 开放许可\\说明", capacity: 50, start: "2031-08-15T09:00", end: "2031-08-15T11:30",
            programme: "第一行\n第二行，含逗号, 和分号;", place: "坪山区科技创新服务中心 3 楼报告厅，深圳");
        var response = await Accounts.NewClient(site).GetAsync(new Uri($"/events/{id}/ics", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var ics = await response.Content.ReadAsStringAsync(Ct);
        Assert.StartsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:", ics, StringComparison.Ordinal);
        Assert.EndsWith("END:VEVENT\r\nEND:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", ics.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        // Every physical line is at most 75 octets; unfolded, the values are escaped.
        Assert.All(ics.Split("\r\n"), line => Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75, line));
        var unfolded = ics.Replace("\r\n ", "", StringComparison.Ordinal);
        Assert.Contains("\r\nDTSTART:20310815T010000Z\r\n", unfolded, StringComparison.Ordinal); // 09:00 Beijing = 01:00 UTC.
        Assert.Contains("\r\nDTEND:20310815T033000Z\r\n", unfolded, StringComparison.Ordinal);
        Assert.Contains("\r\nSUMMARY:政策解读\\; 专利\\, 开放许可\\\\说明\r\n", unfolded, StringComparison.Ordinal);
        Assert.Contains("\r\nDESCRIPTION:第一行\\n第二行，含逗号\\, 和分号\\;\r\n", unfolded, StringComparison.Ordinal);
        Assert.Contains($"\r\nUID:{id:N}@techmarket.pingshan\r\n", unfolded, StringComparison.Ordinal);
        Assert.Matches(@"\r\nDTSTAMP:\d{8}T\d{6}Z\r\n", unfolded);
        Assert.Equal(HttpStatusCode.NotFound, (await Accounts.NewClient(site).GetAsync(new Uri($"/events/{Guid.NewGuid()}/ics", UriKind.Relative), Ct)).StatusCode);
    }

    [Fact]
    public async Task Registrants_are_reminded_the_day_before_exactly_once_across_two_nodes()
    {
        site.SkipUnlessAvailable();
        var title = "提醒测试推介会 " + Guid.NewGuid().ToString("N")[..6];
        var id = await CreateEventAsync(title, capacity: 1, start: "2033-03-10T10:00");
        var company = await Accounts.SignedInAsync(site, Accounts.Company);
        var university = await Accounts.SignedInAsync(site, Accounts.University);
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(company, $"/events/{id}", "#register-form", [])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(university, $"/events/{id}", "#register-form", [])).StatusCode); // Waitlisted.

        var clock = new FakeTimeProvider(new DateTimeOffset(2033, 3, 8, 12, 0, 0, TimeSpan.Zero)); // 8 March, 20:00 Beijing.
        await RunTwoReminderNodesAsync(clock, async () =>
        {
            clock.Advance(TimeSpan.FromMinutes(15));
            await Task.Delay(200, Ct);
            Assert.Empty(await MailsContainingAsync(title));
            clock.Advance(TimeSpan.FromHours(4)); // 9 March in Beijing: the day before.
            Assert.True(await EventuallyAsync(async () => (await MailsContainingAsync(title)).Count > 0, clock), "no reminder the day before");
            for (var i = 0; i < 8; i++) { clock.Advance(TimeSpan.FromMinutes(15)); await Task.Delay(50, Ct); }
        });
        var reminder = Assert.Single(await MailsContainingAsync(title));
        Assert.Contains(Accounts.Company, reminder.To.ToString(), StringComparison.Ordinal); // Only the confirmed, not the waiting list.
        Assert.Contains($"/events/{id}/ics", reminder.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_are_public_to_read_registration_needs_sign_in_and_they_show_on_the_home_page_and_calendar()
    {
        site.SkipUnlessAvailable();
        var title = "首页展示测试竞价会";
        var id = await CreateEventAsync(title, capacity: 10, start: "2031-09-20T14:00", programme: "## 议程\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n[链接](javascript:alert(3))");
        var anonymous = Accounts.NewClient(site);
        var page = await anonymous.GetAsync(new Uri($"/events/{id}", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var programme = (await Html.ParseAsync(page)).QuerySelector("#programme")!.InnerHtml;
        Assert.Contains("<h2", programme, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", programme, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", programme, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", programme, StringComparison.OrdinalIgnoreCase);
        var calendar = await Html.ParseAsync(await anonymous.GetAsync(new Uri("/events?month=2031-09", UriKind.Relative), Ct));
        Assert.NotNull(calendar.QuerySelector($"td[data-day='2031-09-20'] a[href='/events/{id}']"));
        var home = await Html.ParseAsync(await anonymous.GetAsync(new Uri("/", UriKind.Relative), Ct));
        Assert.NotNull(home.QuerySelector("#home-events"));

        // Anonymous posting to register is sent to sign in; nothing is stored.
        var token = await AnyTokenAsync(anonymous, $"/events/{id}");
        var post = await anonymous.PostAsync(new Uri($"/events/{id}?handler=Register", UriKind.Relative), new FormUrlEncodedContent([new("__RequestVerificationToken", token)]), Ct);
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Contains("/Account/Login", post.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, site.WithDb(db => db.EventRegistrations.Count(r => r.EventId == id)));

        // The form keeps what was typed and names the field.
        var center = await Accounts.SignedInAsync(site, Accounts.Center);
        var bad = await PostFormAsync(center, "/center/events/edit", "#event-form",
            [new("Input.Title", "时间有误的活动"), new("Input.StartsAt", "2031-09-20T14:00"), new("Input.EndsAt", "2031-09-20T13:00"), new("Input.Capacity", "0"), new("Input.Place", "")]);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var badPage = await Html.ParseAsync(bad);
        Assert.False(string.IsNullOrWhiteSpace(badPage.QuerySelector("[data-valmsg-for='Input.Capacity']")!.TextContent));
        Assert.Equal("时间有误的活动", ((IHtmlInputElement)badPage.QuerySelector("#Input_Title")!).Value);
    }

    // ---- articles ----

    [Fact]
    public async Task Article_preview_and_page_strip_scripts_handlers_and_javascript_links_and_the_list_merges_files_and_database()
    {
        site.SkipUnlessAvailable();
        var center = await Accounts.SignedInAsync(site, Accounts.Center);
        var body = "## 政策要点\n\n正文**加粗**\n\n<script>alert(1)</script>\n\n<img src=x onerror=\"alert(2)\">\n\n[点我](javascript:alert(3))\n\n<a href=\"javascript:alert(4)\" onclick=\"x()\">链接</a>";
        var slug = "db-article-" + Guid.NewGuid().ToString("N")[..8];
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.Title", "数据库文章：开放许可解读"), new("Input.TitleEn", "Open licence explained"), new("Input.Slug", slug),
            new("Input.Markdown", body), new("Input.Tags", "政策解读, 开放许可"), new("Input.PublishOn", "2026-01-05"), new("Input.Summary", "开放许可的要点"),
        };
        var preview = await PostFormAsync(center, "/center/articles/edit", "#article-form", fields, action: "/center/articles/edit?handler=Preview");
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var previewDoc = await Html.ParseAsync(preview);
        var html = previewDoc.QuerySelector("#preview")!.InnerHtml;
        Assert.Contains("<strong>加粗</strong>", html, StringComparison.Ordinal);
        foreach (var forbidden in new[] { "<script", "onerror", "onclick", "javascript:" }) Assert.DoesNotContain(forbidden, html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(body, previewDoc.QuerySelector("#Input_Markdown")!.TextContent.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Equal(0, site.WithDb(db => db.Articles.Count(a => a.Slug == slug))); // A preview saves nothing.

        // Saved as a draft: not public.
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(center, "/center/articles/edit", "#article-form", fields)).StatusCode);
        var anonymous = Accounts.NewClient(site);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri($"/articles/{slug}", UriKind.Relative), Ct)).StatusCode);
        var articleId = site.WithDb(db => db.Articles.Single(a => a.Slug == slug).Id);
        fields.Add(new("Input.IsPublished", "true"));
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(center, $"/center/articles/edit/{articleId}", "#article-form", fields)).StatusCode);
        var shown = await anonymous.GetAsync(new Uri($"/articles/{slug}", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        var article = (await Html.ParseAsync(shown)).QuerySelector("article")!.InnerHtml;
        Assert.Contains("政策要点", article, StringComparison.Ordinal);
        foreach (var forbidden in new[] { "<script", "onerror", "onclick", "javascript:" }) Assert.DoesNotContain(forbidden, article, StringComparison.OrdinalIgnoreCase);

        var list = await Html.ParseAsync(await anonymous.GetAsync(new Uri("/articles", UriKind.Relative), Ct));
        var titles = list.QuerySelectorAll("#articles h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.Contains("数据库文章：开放许可解读", titles);
        Assert.Contains("知识产权质押融资怎么办", titles); // From content/articles.
        var tagged = await Html.ParseAsync(await anonymous.GetAsync(new Uri("/articles?tag=" + Uri.EscapeDataString("开放许可"), UriKind.Relative), Ct));
        Assert.Equal(["数据库文章：开放许可解读"], tagged.QuerySelectorAll("#articles h2").Select(h => h.TextContent.Trim()));
        var searched = await Html.ParseAsync(await anonymous.GetAsync(new Uri("/articles?q=" + Uri.EscapeDataString("开放许可解读"), UriKind.Relative), Ct));
        Assert.Equal(["数据库文章：开放许可解读"], searched.QuerySelectorAll("#articles h2").Select(h => h.TextContent.Trim()));
        // The site search shows matching articles beside the catalogue results.
        var siteSearch = await Html.ParseAsync(await anonymous.GetAsync(new Uri("/search?q=" + Uri.EscapeDataString("开放许可解读"), UriKind.Relative), Ct));
        Assert.Contains("数据库文章：开放许可解读", siteSearch.QuerySelector("#search-articles")!.TextContent, StringComparison.Ordinal);

        // A URL name already used by a content/ file is refused, keeping the input.
        fields.RemoveAll(f => f.Key == "Input.Slug");
        fields.Add(new("Input.Slug", "ip-pledge-financing"));
        var clash = await PostFormAsync(center, "/center/articles/edit", "#article-form", fields);
        Assert.Equal(HttpStatusCode.OK, clash.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace((await Html.ParseAsync(clash)).QuerySelector("[data-valmsg-for='Input.Slug']")!.TextContent));
    }

    // ---- helpers ----

    private List<global::TechMarket.Infrastructure.Audit.AuditEntry> Views(Guid enquiryId) =>
        site.WithDb(db => db.AuditLog.Where(a => a.Action == "brokerage.viewed" && a.EntityType == "Enquiry" && a.EntityId == enquiryId.ToString()).ToList());

    private async Task RunTwoReminderNodesAsync(FakeTimeProvider clock, Func<Task> body)
    {
        var scopes = site.Services.GetRequiredService<IServiceScopeFactory>();
        using var first = new CenterReminderService(scopes, clock, NullLogger<CenterReminderService>.Instance);
        using var second = new CenterReminderService(scopes, clock, NullLogger<CenterReminderService>.Instance);
        await first.StartAsync(Ct);
        await second.StartAsync(Ct);
        try { await body(); }
        finally
        {
            await first.StopAsync(Ct);
            await second.StopAsync(Ct);
        }
    }

    /// <summary>Polls (advancing the fake clock by one tick each time) until the condition holds, for up to 20 s of real time.</summary>
    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, FakeTimeProvider clock)
    {
        for (var i = 0; i < 200; i++)
        {
            if (await condition()) return true;
            clock.Advance(TimeSpan.FromMinutes(15));
            await Task.Delay(100, Ct);
        }
        return false;
    }

    private string[] MailFiles() => Directory.Exists(site.MailFolder) ? Directory.GetFiles(site.MailFolder, "*.eml") : [];

    private async Task<List<MimeKit.MimeMessage>> MailsContainingAsync(string text, string[]? except = null)
    {
        var found = new List<MimeKit.MimeMessage>();
        foreach (var file in MailFiles().Except(except ?? []))
        {
            var message = await MimeKit.MimeMessage.LoadAsync(file, Ct);
            if ((message.Subject ?? "").Contains(text, StringComparison.Ordinal) || (message.TextBody ?? "").Contains(text, StringComparison.Ordinal)) found.Add(message);
        }
        return found;
    }

    private async Task<Guid> CreateEventAsync(string title, int capacity, string start, string? end = null, string programme = "## 议程\n\n1. 成果路演", string place = "坪山区科技创新服务中心")
    {
        var center = await Accounts.SignedInAsync(site, Accounts.Center);
        var endsAt = end ?? DateTime.Parse(start, CultureInfo.InvariantCulture).AddHours(2).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        var response = await PostFormAsync(center, "/center/events/edit", "#event-form",
        [
            new("Input.Kind", "Showcase"), new("Input.Title", title), new("Input.StartsAt", start), new("Input.EndsAt", endsAt),
            new("Input.Capacity", capacity.ToString(CultureInfo.InvariantCulture)), new("Input.Place", place), new("Input.Programme", programme),
        ]);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, "event not saved: " + await response.Content.ReadAsStringAsync(Ct));
        return Guid.Parse(response.Headers.Location!.ToString().TrimEnd('/').Split('/')[^1]);
    }

    private static async Task<IHtmlFormElement> RegisterFormAsync(HttpClient client, Guid id) =>
        (IHtmlFormElement)(await Html.ParseAsync(await client.GetAsync(new Uri($"/events/{id}", UriKind.Relative), Ct))).QuerySelector("#register-form")!;

    private static async Task<string?> MyStatusAsync(HttpClient client, Guid id) =>
        (await Html.ParseAsync(await client.GetAsync(new Uri($"/events/{id}", UriKind.Relative), Ct))).QuerySelector("#my-registration")?.GetAttribute("data-status");

    private static async Task<string> AnyTokenAsync(HttpClient client, string page) =>
        (await Html.ParseAsync(await client.GetAsync(new Uri(page, UriKind.Relative), Ct))).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    /// <summary>University lists a patent, the center approves it; returns the listing id.</summary>
    private async Task<Guid> PublishAsync(string title)
    {
        var seller = await Accounts.SignedInAsync(site, Accounts.University);
        var center = await Accounts.SignedInAsync(site, Accounts.Center);
        var response = await PostFormAsync(seller, "/seller/listings/edit/", "#listing-form",
        [
            new("Input.Kind", "InventionPatent"), new("Input.Number", NewApplicationNumber()), new("Input.Title", title),
            new("Input.FilingDate", "2019-03-01"), new("Input.GrantDate", "2021-05-06"), new("Input.IpcCodes", "H01M 10/0525"),
            new("Input.Abstract", "本发明公开了一种测试用的技术方案。"), new("Input.Modes", "Assignment"), new("Input.Modes", "OrdinaryLicence"),
            new("Input.PriceWanYuan", "50"), new("Input.Industry", "NewEnergyVehicles"), new("Input.Trl", "6"), new("Input.LegalStatus", "Valid"),
        ]);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, "draft not saved: " + await response.Content.ReadAsStringAsync(Ct));
        var id = Guid.Parse(response.Headers.Location!.ToString().TrimEnd('/').Split('/')[^1]);
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(seller, "/seller/listings", $"tr[data-listing='{id}'] .submit-form", [])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(center, "/center/listings", $".review-item[data-listing='{id}'] .approve-form", [])).StatusCode);
        return id;
    }

    private static string NewApplicationNumber()
    {
        var digits = "20201" + Random.Shared.Next(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture);
        int[] weights = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];
        var check = digits.Select((c, i) => (c - '0') * weights[i]).Sum() % 11;
        return digits + "." + (check == 10 ? "X" : check.ToString(CultureInfo.InvariantCulture));
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string pageUrl, string formSelector, IEnumerable<KeyValuePair<string, string>> fields, string? action = null)
    {
        var page = await Html.ParseAsync(await client.GetAsync(new Uri(pageUrl, UriKind.Relative), Ct));
        var form = page.QuerySelector(formSelector) as IHtmlFormElement ?? throw new InvalidOperationException($"No form {formSelector} on {pageUrl}");
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var pairs = new List<KeyValuePair<string, string>>(fields) { new("__RequestVerificationToken", token) };
        foreach (var hidden in form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]").Where(h => h.Name is { Length: > 0 } n && n != "__RequestVerificationToken" && pairs.All(p => p.Key != n)))
        {
            pairs.Add(new(hidden.Name!, hidden.Value));
        }
        action ??= form.GetAttribute("action");
        return await client.PostAsync(new Uri(string.IsNullOrEmpty(action) ? pageUrl : action, UriKind.Relative), new FormUrlEncodedContent(pairs), Ct);
    }
}

// Own sites: these tests add listings and deals, which other suites' counts must not see.
[CollectionDefinition(Name)]
public sealed class CenterSqliteCollection : ICollectionFixture<SqliteSite>
{
    public const string Name = "center sqlite site";
}

[CollectionDefinition(Name)]
public sealed class CenterPostgresCollection : ICollectionFixture<PostgresSite>
{
    public const string Name = "center postgres site";
}

[Collection(CenterSqliteCollection.Name)]
public sealed class SqliteCenterWorkspaceTests(SqliteSite site) : CenterWorkspaceTests(site);

[Collection(CenterPostgresCollection.Name)]
public sealed class PostgresCenterWorkspaceTests(PostgresSite site) : CenterWorkspaceTests(site);
