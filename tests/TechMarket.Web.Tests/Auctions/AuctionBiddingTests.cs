using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TechMarket.Domain.Auctions;
using TechMarket.Domain.Auctions.Replay;
using TechMarket.Infrastructure.Auctions;
using TechMarket.Infrastructure.Data;
using TechMarket.Web.Tests.Infrastructure;

namespace TechMarket.Web.Tests.Auctions;

/// <summary>Issue 5 "Live bidding" through HTTP on a real database: the rules surfaced, who may bid, idempotency, concurrency, close and replay.</summary>
public abstract class AuctionBiddingTests(TechMarketSite site)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return doc.RootElement.Clone();
    }

    [Fact]
    public async Task The_centers_deposit_mark_posts_a_bank_receipt_to_the_ledger_which_alone_decides_who_may_bid()
    {
        site.SkipUnlessAvailable();
        var auction = await AuctionScenario.CreateAsync(site, startFen: 1_000_000, stepFen: 50_000);
        var marked = await AuctionScenario.NewBidderAsync(site, "到账确认科技有限公司");
        var flagOnly = await AuctionScenario.NewBidderAsync(site, "仅有标记科技有限公司");
        await AuctionScenario.RegisterAsync(site, auction.Id, marked.OrganizationId);
        await AuctionScenario.RegisterAsync(site, auction.Id, flagOnly.OrganizationId, deposit: false);

        // The mark books the deposit Held with a payment record and a journal entry; a second click books nothing more.
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TechMarketDbContext>();
            var registration = await db.AuctionRegistrations.AsNoTracking().FirstAsync(r => r.AuctionId == auction.Id && r.OrganizationId == marked.OrganizationId, Ct);
            Assert.True((await scope.ServiceProvider.GetRequiredService<MarkDepositReceived>().RunAsync(registration.Id, null, Ct)).Succeeded);
            var deposit = await db.Deposits.AsNoTracking().SingleAsync(d => d.OrganizationId == marked.OrganizationId && d.SubjectId == auction.Id, Ct);
            Assert.Equal(TechMarket.Domain.Payments.DepositState.Held, deposit.State);
            Assert.Equal(auction.DepositFen, deposit.RequiredFen);
            var payments = await db.PaymentRecords.AsNoTracking().Where(p => p.DepositId == deposit.Id).ToListAsync(Ct);
            var payment = Assert.Single(payments);
            Assert.True(await db.JournalEntries.AnyAsync(j => j.IdempotencyKey == payment.JournalKey, Ct));
            Assert.Single(await db.BankReceipts.AsNoTracking().Where(r => r.DepositId == deposit.Id).ToListAsync(Ct));

            // A registration flag set outside the ledger (the old second path) no longer lets anyone bid.
            await db.AuctionRegistrations.Where(r => r.AuctionId == auction.Id && r.OrganizationId == flagOnly.OrganizationId)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.DepositReceived, true), Ct);
        }

        var refused = await AuctionScenario.BidAsync(flagOnly.Client, auction.Id, 1_000_000);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("no_deposit", (await JsonAsync(refused)).GetProperty("reason").GetString());
        var accepted = await AuctionScenario.BidAsync(marked.Client, auction.Id, 1_000_000);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Fact]
    public async Task Bids_through_the_api_surface_the_rules_and_never_the_reserve()
    {
        site.SkipUnlessAvailable();
        // A distinctive reserve, so any leak of it is visible in a response body.
        const long reserve = 1_777_777;
        var auction = await AuctionScenario.CreateAsync(site, startFen: 1_000_000, reserveFen: reserve, stepFen: 50_000);
        var a = await AuctionScenario.NewBidderAsync(site, "竞买甲科技有限公司");
        var b = await AuctionScenario.NewBidderAsync(site, "竞买乙科技有限公司");
        var codeA = await AuctionScenario.RegisterAsync(site, auction.Id, a.OrganizationId);
        var codeB = await AuctionScenario.RegisterAsync(site, auction.Id, b.OrganizationId);
        var bodies = new List<string>();

        // Rule 2: the first bid needs the start price; below it is below_minimum with the minimum stated (409).
        var low = await AuctionScenario.BidAsync(a.Client, auction.Id, 999_999);
        bodies.Add(await low.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Conflict, low.StatusCode);
        var lowBody = await JsonAsync(low);
        Assert.Equal("below_minimum", lowBody.GetProperty("reason").GetString());
        Assert.Equal(1_000_000, lowBody.GetProperty("minimumFen").GetInt64());

        // A bids the start price and leads; B must bid price + step; below it the minimum is stated.
        var first = await AuctionScenario.BidAsync(a.Client, auction.Id, 1_000_000);
        bodies.Add(await first.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var firstBody = await JsonAsync(first);
        Assert.Equal("accepted", firstBody.GetProperty("outcome").GetString());
        Assert.Equal(codeA, firstBody.GetProperty("leader").GetString());
        Assert.Equal(1, firstBody.GetProperty("sequence").GetInt64());

        // B takes the lead with a maximum of 1,100,000; rule 4 raises the price toward the (unreached) reserve.
        var second = await AuctionScenario.BidAsync(b.Client, auction.Id, 1_100_000);
        bodies.Add(await second.Content.ReadAsStringAsync(Ct));
        var secondBody = await JsonAsync(second);
        Assert.Equal(codeB, secondBody.GetProperty("leader").GetString());
        Assert.Equal(1_100_000, secondBody.GetProperty("priceFen").GetInt64());

        var belowStep = await AuctionScenario.BidAsync(a.Client, auction.Id, 1_120_000);
        bodies.Add(await belowStep.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Conflict, belowStep.StatusCode);
        Assert.Equal("below_minimum", (await JsonAsync(belowStep)).GetProperty("reason").GetString());
        Assert.Equal(1_150_000, (await JsonAsync(belowStep)).GetProperty("minimumFen").GetInt64());

        var third = await AuctionScenario.BidAsync(a.Client, auction.Id, 1_300_000);
        bodies.Add(await third.Content.ReadAsStringAsync(Ct));
        Assert.Equal(codeA, (await JsonAsync(third)).GetProperty("leader").GetString());

        var state = await a.Client.GetAsync(new Uri($"/api/v1/auctions/{auction.Id}", UriKind.Relative), Ct);
        bodies.Add(await state.Content.ReadAsStringAsync(Ct));
        var stateBody = await JsonAsync(state);
        Assert.Equal(1_300_000, stateBody.GetProperty("priceFen").GetInt64());
        Assert.Equal(3, stateBody.GetProperty("history").GetArrayLength());
        Assert.Equal(codeB, stateBody.GetProperty("history")[1].GetProperty("bidder").GetString());
        bodies.Add(await (await b.Client.GetAsync(new Uri($"/auctions/{auction.Id}", UriKind.Relative), Ct)).Content.ReadAsStringAsync(Ct));
        foreach (var body in bodies)
        {
            Assert.DoesNotContain("1777777", body, StringComparison.Ordinal);
            Assert.DoesNotContain("17,777.77", body, StringComparison.Ordinal);
            Assert.DoesNotContain("reserve", body, StringComparison.OrdinalIgnoreCase);
        }

        // Without a reserve: A's maximum stays A's secret, and B's room page names nobody (SPC 2016 Arts 8, 18).
        var plain = await AuctionScenario.CreateAsync(site, startFen: 1_000_000, stepFen: 50_000);
        var codeA2 = await AuctionScenario.RegisterAsync(site, plain.Id, a.OrganizationId);
        await AuctionScenario.RegisterAsync(site, plain.Id, b.OrganizationId);
        Assert.Equal(HttpStatusCode.OK, (await AuctionScenario.BidAsync(a.Client, plain.Id, 2_345_600)).StatusCode);
        var outbid = await AuctionScenario.BidAsync(b.Client, plain.Id, 1_500_000);
        var outbidBody = await JsonAsync(outbid);
        Assert.Equal(codeA2, outbidBody.GetProperty("leader").GetString());
        Assert.Equal(1_550_000, outbidBody.GetProperty("priceFen").GetInt64());
        var room = await b.Client.GetAsync(new Uri($"/auctions/{plain.Id}", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, room.StatusCode);
        var roomHtml = await room.Content.ReadAsStringAsync(Ct);
        var apiState = await (await b.Client.GetAsync(new Uri($"/api/v1/auctions/{plain.Id}", UriKind.Relative), Ct)).Content.ReadAsStringAsync(Ct);
        foreach (var body in new[] { roomHtml, apiState, await outbid.Content.ReadAsStringAsync(Ct) })
        {
            Assert.DoesNotContain("2345600", body, StringComparison.Ordinal);
            Assert.DoesNotContain("23,456.00", body, StringComparison.Ordinal);
            Assert.DoesNotContain(a.Name, body, StringComparison.Ordinal);
        }
        Assert.Contains(codeA2!, roomHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Manual_mode_leader_may_not_bid_again_and_bids_outside_the_window_are_not_open()
    {
        site.SkipUnlessAvailable();
        var manual = await AuctionScenario.CreateAsync(site, proxy: false);
        var a = await AuctionScenario.NewBidderAsync(site, "手动竞买甲公司");
        await AuctionScenario.RegisterAsync(site, manual.Id, a.OrganizationId);
        Assert.Equal(HttpStatusCode.OK, (await AuctionScenario.BidAsync(a.Client, manual.Id, 1_000_000)).StatusCode);
        var again = await AuctionScenario.BidAsync(a.Client, manual.Id, 1_100_000);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("already_leading", (await JsonAsync(again)).GetProperty("reason").GetString());

        var later = await AuctionScenario.CreateAsync(site, opensIn: TimeSpan.FromHours(1), endsIn: TimeSpan.FromHours(3));
        await AuctionScenario.RegisterAsync(site, later.Id, a.OrganizationId);
        var early = await AuctionScenario.BidAsync(a.Client, later.Id, 1_000_000);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal("not_open", (await JsonAsync(early)).GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Who_may_not_bid_is_refused_with_a_reason_and_nothing_is_stored()
    {
        site.SkipUnlessAvailable();
        var auction = await AuctionScenario.CreateAsync(site);
        var noDeposit = await AuctionScenario.NewBidderAsync(site, "未缴保证金公司");
        await AuctionScenario.RegisterAsync(site, auction.Id, noDeposit.OrganizationId, qualify: true, deposit: false);
        var unqualified = await AuctionScenario.NewBidderAsync(site, "未审核公司");
        await AuctionScenario.RegisterAsync(site, auction.Id, unqualified.OrganizationId, qualify: false);
        var stranger = await AuctionScenario.NewBidderAsync(site, "未报名公司");

        async Task AssertRefused(HttpClient client, string reason)
        {
            var response = await AuctionScenario.BidAsync(client, auction.Id, 1_000_000);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal(reason, (await JsonAsync(response)).GetProperty("reason").GetString());
        }
        await AssertRefused(noDeposit.Client, "no_deposit");
        await AssertRefused(unqualified.Client, "not_qualified");
        await AssertRefused(stranger.Client, "not_registered");
        // Auction Law Arts 22, 30: the seller (the university owns the listing) and the organiser's staff (the center).
        await AssertRefused(await Accounts.SignedInAsync(site, Accounts.University), "seller");
        await AssertRefused(await Accounts.SignedInAsync(site, Accounts.Center), "organiser");

        // Only verified organisations may bid at all; anonymous callers must sign in.
        var unverified = await AuctionScenario.BidAsync(await Accounts.SignedInAsync(site, Accounts.Unverified), auction.Id, 1_000_000);
        Assert.Equal(HttpStatusCode.Forbidden, unverified.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await AuctionScenario.BidAsync(Accounts.NewClient(site), auction.Id, 1_000_000)).StatusCode);

        Assert.Equal(0, site.WithDb(db => db.AuctionBids.Count(x => x.AuctionId == auction.Id)));
    }

    [Fact]
    public async Task Invalid_requests_are_problems_naming_the_field_and_unknown_auctions_are_404()
    {
        site.SkipUnlessAvailable();
        var auction = await AuctionScenario.CreateAsync(site);
        var a = await AuctionScenario.NewBidderAsync(site, "参数校验公司");
        await AuctionScenario.RegisterAsync(site, auction.Id, a.OrganizationId);

        var noKey = await a.Client.PostAsync(new Uri($"/api/v1/auctions/{auction.Id}/bids", UriKind.Relative),
            System.Net.Http.Json.JsonContent.Create(new { maxFen = 1_000_000 }), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noKey.StatusCode);
        Assert.True((await JsonAsync(noKey)).GetProperty("errors").TryGetProperty("Idempotency-Key", out _));

        foreach (var body in new[] { "{}", "{\"maxFen\":-5}", "{\"maxFen\":\"lots\"}", "not json" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/v1/auctions/{auction.Id}/bids", UriKind.Relative))
            {
                Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
            var response = await a.Client.SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True((await JsonAsync(response)).GetProperty("errors").TryGetProperty("maxFen", out _), body);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await AuctionScenario.BidAsync(a.Client, Guid.NewGuid(), 1_000_000)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await a.Client.GetAsync(new Uri($"/api/v1/auctions/{Guid.NewGuid()}", UriKind.Relative), Ct)).StatusCode);
    }

    [Fact]
    public async Task Many_bidders_in_parallel_lose_no_bid_bid_no_key_twice_and_the_state_equals_the_replay_of_the_log()
    {
        site.SkipUnlessAvailable();
        const int bidders = 8, bidsEach = 25;
        var auction = await AuctionScenario.CreateAsync(site, startFen: 1_000_000, reserveFen: 1_300_000, stepFen: 10_000);
        var people = new List<Bidder>();
        for (var i = 0; i < bidders; i++)
        {
            var bidder = await AuctionScenario.NewBidderAsync(site, $"并发竞买{i}号公司");
            await AuctionScenario.RegisterAsync(site, auction.Id, bidder.OrganizationId);
            people.Add(bidder);
        }

        var answers = new ConcurrentBag<(string Key, HttpStatusCode Status, JsonElement Body)>();
        var sends = new List<Task>();
        for (var i = 0; i < bidders; i++)
        {
            for (var j = 0; j < bidsEach; j++)
            {
                var (bidder, key) = (people[i], $"k-{i}-{j}");
                var amount = 1_000_000 + ((j * 37 + i * 11) % 90) * 10_000 + j * 5_000;
                // Every fifth bid is sent twice at once with the same key: a retry racing the original.
                var copies = j % 5 == 0 ? 2 : 1;
                for (var c = 0; c < copies; c++)
                {
                    sends.Add(Task.Run(async () =>
                    {
                        var response = await AuctionScenario.BidAsync(bidder.Client, auction.Id, amount, key);
                        answers.Add((key, response.StatusCode, await JsonAsync(response)));
                    }, Ct));
                }
            }
        }
        await Task.WhenAll(sends);

        Assert.All(answers, x => Assert.Contains(x.Status, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        // Duplicates got the first answer.
        foreach (var group in answers.GroupBy(x => x.Key).Where(g => g.Count() > 1))
        {
            var pair = group.ToList();
            Assert.Equal(pair[0].Status, pair[1].Status);
            // Every field of the answer, except the request's own trace id.
            string Answer(JsonElement body) => string.Join("\n", body.EnumerateObject().Where(p => p.Name != "traceId").Select(p => p.Name + "=" + p.Value.GetRawText()));
            Assert.Equal(Answer(pair[0].Body), Answer(pair[1].Body));
        }

        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TechMarketDbContext>();
        var stored = await db.Auctions.AsNoTracking().FirstAsync(x => x.Id == auction.Id, Ct);
        var bids = await db.AuctionBids.AsNoTracking().Where(x => x.AuctionId == auction.Id).OrderBy(x => x.Ordinal).ToListAsync(Ct);
        // No key bid twice, and no bid is lost: one stored bid per distinct key.
        Assert.Equal(bidders * bidsEach, bids.Count);
        Assert.Equal(Enumerable.Range(1, bids.Count), bids.Select(x => x.Ordinal));
        // Each key sent is on exactly one stored bid, and every answer (the first and the retry's) is that bid's.
        Assert.Equal(answers.Select(x => x.Key).Distinct().Order(StringComparer.Ordinal), bids.Select(x => x.IdempotencyKey!).Order(StringComparer.Ordinal));
        foreach (var (key, status, body) in answers)
        {
            var bid = bids.Single(x => x.IdempotencyKey == key);
            Assert.Equal(bid.SequenceAfter, body.GetProperty("sequence").GetInt64());
            Assert.Equal(bid.Accepted ? HttpStatusCode.OK : HttpStatusCode.Conflict, status);
        }

        // Every acknowledged acceptance is a stored accepted bid at that sequence.
        var acceptedSequences = bids.Where(x => x.Accepted).Select(x => x.SequenceAfter).ToList();
        Assert.Equal(Enumerable.Range(1, stored.AcceptedBids).Select(x => (long)x), acceptedSequences);
        foreach (var ok in answers.Where(x => x.Status == HttpStatusCode.OK))
        {
            var sequence = ok.Body.GetProperty("sequence").GetInt64();
            var bid = bids.Single(x => x.Accepted && x.SequenceAfter == sequence);
            Assert.Equal(ok.Body.GetProperty("bidderCode").GetString(), bid.BidderCode);
        }

        // The stored state equals the replay of the stored log, bid by bid.
        var log = await AuctionState.LogAsync(db, stored, Ct);
        var replay = AuctionEngine.Replay(log.Rules, log.Bids);
        Assert.Equal(stored.PriceFen, replay.Price?.Fen);
        Assert.Equal(stored.LeaderCode, replay.Leader?.Value);
        Assert.Equal(stored.EndsAt, replay.EndsAt);
        Assert.Equal(stored.AcceptedBids, replay.AcceptedBids);
        Assert.Equal(stored.RejectedBids, replay.RejectedBids);
        for (var k = 0; k < bids.Count; k++)
        {
            Assert.Equal(bids[k].Accepted, replay.Log[k].Outcome.IsAccepted);
            Assert.Equal(bids[k].PriceAfterFen, replay.Log[k].Outcome.PriceAfter?.Fen);
            Assert.Equal(bids[k].LeaderAfter, replay.Log[k].Outcome.LeaderAfter?.Value);
        }
        Assert.True(stored.AcceptedBids > 1);
    }

    [Fact]
    public async Task The_closing_job_closes_exactly_once_and_the_exported_log_replays_to_the_live_outcome()
    {
        site.SkipUnlessAvailable();
        var auction = await AuctionScenario.CreateAsync(site, startFen: 1_000_000, reserveFen: 1_200_000, stepFen: 50_000);
        var a = await AuctionScenario.NewBidderAsync(site, "成交买受人公司");
        var b = await AuctionScenario.NewBidderAsync(site, "落败竞买人公司");
        var codeA = await AuctionScenario.RegisterAsync(site, auction.Id, a.OrganizationId);
        await AuctionScenario.RegisterAsync(site, auction.Id, b.OrganizationId);
        Assert.Equal(HttpStatusCode.OK, (await AuctionScenario.BidAsync(b.Client, auction.Id, 1_300_000)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await AuctionScenario.BidAsync(a.Client, auction.Id, 1_600_000)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await AuctionScenario.BidAsync(b.Client, auction.Id, 1_100_000)).StatusCode);

        // Before the close, nobody outside the parties sees a confirmation; the winner neither.
        Assert.Equal(HttpStatusCode.NotFound, (await a.Client.GetAsync(new Uri($"/auctions/{auction.Id}/confirmation", UriKind.Relative), Ct)).StatusCode);

        // Four closers race (as several nodes would) at a time past the end: exactly one closes.
        var endsAt = site.WithDb(db => db.Auctions.AsNoTracking().Single(x => x.Id == auction.Id).EndsAt);
        var closers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            await using var scope = site.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<CloseAuction>().CloseAsync(auction.Id, endsAt.AddSeconds(1), Ct);
        }, Ct));
        var results = await Task.WhenAll(closers);
        Assert.Single(results, closed => closed);
        var closed = site.WithDb(db => db.Auctions.AsNoTracking().Single(x => x.Id == auction.Id));
        Assert.Equal(AuctionStatus.Closed, closed.Status);
        Assert.True(closed.Sold);
        Assert.Equal(codeA, closed.WinnerCode);
        Assert.Equal(a.OrganizationId, closed.WinnerOrganizationId);
        Assert.Equal(1_350_000, closed.PriceFen);
        Assert.Equal(1, site.WithDb(db => db.AuditLog.Count(e => e.EntityId == auction.Id.ToString() && e.Action == "auction.sold")));
        // A bid after the close is refused and not stored.
        Assert.Equal(HttpStatusCode.Conflict, (await AuctionScenario.BidAsync(b.Client, auction.Id, 5_000_000)).StatusCode);
        Assert.Equal(3, site.WithDb(db => db.AuctionBids.Count(x => x.AuctionId == auction.Id)));

        // The center exports the log in the replay format; replaying it reproduces the live outcome.
        var center = await Accounts.SignedInAsync(site, Accounts.Center);
        var export = await center.GetAsync(new Uri($"/center/auctions/{auction.Id}?handler=Export", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var exported = await export.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain(a.Name, exported, StringComparison.Ordinal);
        var read = AuctionLogJson.Read(exported);
        Assert.True(read.IsValid, read.Message);
        var replay = AuctionReplay.Run(read.Log!);
        Assert.Equal(AuctionOutcomeStatus.Sold, replay.Outcome.Status);
        Assert.Equal(closed.WinnerCode, replay.Outcome.Winner?.Value);
        Assert.Equal(closed.PriceFen, replay.Outcome.Price?.Fen);
        Assert.Equal(closed.EndsAt, replay.Outcome.EndsAt);
        Assert.Equal(closed.AcceptedBids, replay.Outcome.AcceptedBids);
        Assert.Equal(closed.RejectedBids, replay.Outcome.RejectedBids);
        // Others may not export.
        Assert.NotEqual(HttpStatusCode.OK, (await b.Client.GetAsync(new Uri($"/center/auctions/{auction.Id}?handler=Export", UriKind.Relative), Ct)).StatusCode);

        // 成交确认书: identities revealed now, to the parties only.
        var confirmation = await a.Client.GetAsync(new Uri($"/auctions/{auction.Id}/confirmation", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, confirmation.StatusCode);
        var confirmationHtml = await confirmation.Content.ReadAsStringAsync(Ct);
        Assert.Contains(a.Name, confirmationHtml, StringComparison.Ordinal);
        Assert.Contains("坪山示例大学", confirmationHtml, StringComparison.Ordinal);
        Assert.Contains("¥13,500.00", confirmationHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await b.Client.GetAsync(new Uri($"/auctions/{auction.Id}/confirmation", UriKind.Relative), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await center.GetAsync(new Uri($"/auctions/{auction.Id}/confirmation", UriKind.Relative), Ct)).StatusCode);
        // The loser still sees only codes in the room.
        var room = await (await b.Client.GetAsync(new Uri($"/auctions/{auction.Id}", UriKind.Relative), Ct)).Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain(a.Name, room, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_closing_jobs_driven_by_a_fake_clock_close_a_due_auction_once_and_leave_a_running_one_open()
    {
        site.SkipUnlessAvailable();
        var due = await AuctionScenario.CreateAsync(site, endsIn: TimeSpan.FromHours(2));
        var running = await AuctionScenario.CreateAsync(site, endsIn: TimeSpan.FromDays(30));
        var a = await AuctionScenario.NewBidderAsync(site, "定时结束竞买公司");
        await AuctionScenario.RegisterAsync(site, due.Id, a.OrganizationId);
        Assert.Equal(HttpStatusCode.OK, (await AuctionScenario.BidAsync(a.Client, due.Id, 1_000_000)).StatusCode);

        // Two jobs on one clock, as two nodes would run them; a restart is a third start on the same rows.
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        var scopes = site.Services.GetRequiredService<IServiceScopeFactory>();
        var logger = Microsoft.Extensions.Logging.Abstractions.NullLogger<AuctionClosingService>.Instance;
        using var first = new AuctionClosingService(scopes, clock, logger);
        using var second = new AuctionClosingService(scopes, clock, logger);
        await first.StartAsync(Ct);
        await second.StartAsync(Ct);
        clock.Advance(TimeSpan.FromHours(3));
        for (var i = 0; i < 200 && site.WithDb(db => db.Auctions.AsNoTracking().Single(x => x.Id == due.Id).Status) == AuctionStatus.Open; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(50, Ct);
        }
        await first.StopAsync(Ct);
        using var restarted = new AuctionClosingService(scopes, clock, logger);
        await restarted.StartAsync(Ct);
        clock.Advance(TimeSpan.FromSeconds(5));
        await restarted.StopAsync(Ct);
        await second.StopAsync(Ct);

        var closed = site.WithDb(db => db.Auctions.AsNoTracking().Single(x => x.Id == due.Id));
        Assert.Equal(AuctionStatus.Closed, closed.Status);
        Assert.True(closed.Sold); // no reserve: the start price is the reserve (SPC 2016 Art. 10)
        Assert.Equal(1, site.WithDb(db => db.AuditLog.Count(e => e.EntityType == nameof(Auction) && e.EntityId == due.Id.ToString() && (e.Action == "auction.sold" || e.Action == "auction.unsold"))));
        Assert.Equal(2, closed.Sequence); // one accepted bid, one close
        Assert.Equal(AuctionStatus.Open, site.WithDb(db => db.Auctions.AsNoTracking().Single(x => x.Id == running.Id).Status));
    }

    [Fact]
    public async Task An_outbid_bidder_alone_is_told_in_app_and_by_mail()
    {
        site.SkipUnlessAvailable();
        var auction = await AuctionScenario.CreateAsync(site);
        var a = await AuctionScenario.NewBidderAsync(site, "被超越公司");
        var b = await AuctionScenario.NewBidderAsync(site, "超越者公司");
        await AuctionScenario.RegisterAsync(site, auction.Id, a.OrganizationId);
        await AuctionScenario.RegisterAsync(site, auction.Id, b.OrganizationId);
        Assert.Equal(HttpStatusCode.OK, (await AuctionScenario.BidAsync(a.Client, auction.Id, 1_000_000)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await AuctionScenario.BidAsync(b.Client, auction.Id, 1_500_000)).StatusCode);

        // The dispatcher runs after the commit; wait for its work rather than for a time. Mail files appear whole
        // (FileMailSender moves each one in once written), so every file in the folder can be read.
        List<string> Mails() => Directory.Exists(site.MailFolder) ? [.. Directory.GetFiles(site.MailFolder).Select(File.ReadAllText)] : [];
        await Eventually.TrueAsync(() => Mails().Any(m => m.Contains(a.Email, StringComparison.Ordinal)), "the outbid bidder's e-mail is written");
        Assert.Equal(1, site.WithDb(db => db.Notifications.Count(n => n.OrganizationId == a.OrganizationId)));
        Assert.Equal(0, site.WithDb(db => db.Notifications.Count(n => n.OrganizationId == b.OrganizationId)));
        var mails = Mails();
        Assert.Contains(mails, m => m.Contains(a.Email, StringComparison.Ordinal));
        Assert.DoesNotContain(mails, m => m.Contains(b.Email, StringComparison.Ordinal));

        var inbox = await (await a.Client.GetAsync(new Uri("/notifications", UriKind.Relative), Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("您的出价已被超过", inbox, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_commit_tells_each_bidder_it_outbid_once_and_not_one_who_leads_again_by_its_end()
    {
        site.SkipUnlessAvailable();
        var auction = await AuctionScenario.CreateAsync(site, startFen: 1_000_000, stepFen: 50_000);
        var (a, b, c, d) = (await AuctionScenario.NewBidderAsync(site, "甲方竞买公司"), await AuctionScenario.NewBidderAsync(site, "乙方竞买公司"),
            await AuctionScenario.NewBidderAsync(site, "丙方竞买公司"), await AuctionScenario.NewBidderAsync(site, "丁方竞买公司"));
        foreach (var bidder in new[] { a, b, c, d }) await AuctionScenario.RegisterAsync(site, auction.Id, bidder.OrganizationId);
        Assert.Equal(HttpStatusCode.OK, (await AuctionScenario.BidAsync(a.Client, auction.Id, 1_000_000)).StatusCode);

        await using var scope = site.Services.CreateAsyncScope();
        var placeBid = scope.ServiceProvider.GetRequiredService<PlaceBid>();
        var commits = scope.ServiceProvider.GetRequiredService<BidGroupCommit>();
        Task<PlaceBidResult> Bid(Bidder bidder, long fen) => placeBid.RunAsync(auction.Id, new BidderActor(bidder.OrganizationId, null, false), fen, null, Ct);
        Task<PlaceBidResult>[] bids;
        // Hold the auction's lock so the next bids queue behind one blocked batch and then commit together.
        await using (var holder = site.Services.CreateAsyncScope())
        {
            var db = holder.ServiceProvider.GetRequiredService<TechMarketDbContext>();
            await using var held = await RowLock.TakeAsync<Auction>(db, auction.Id, Ct);
            var blocked = Bid(d, 900_000); // below the minimum: rejected, it changes nothing
            await Eventually.TrueAsync(() => commits.Queued(auction.Id) == 0, "the first batch is taken and waits at the lock");
            // B overtakes A, C overtakes B, B overtakes C, A overtakes B: B is overtaken twice, A leads again at the end.
            bids = [blocked, Bid(b, 1_200_000), Bid(c, 1_400_000), Bid(b, 1_800_000), Bid(a, 3_000_000)];
        }
        var answers = await Task.WhenAll(bids);
        Assert.Equal([PlaceBidStatus.Rejected, PlaceBidStatus.Accepted, PlaceBidStatus.Accepted, PlaceBidStatus.Accepted, PlaceBidStatus.Accepted],
            answers.Select(x => x.Status));
        Assert.Equal(answers[4].BidderCode, answers[4].Leader);
        // The four were one commit: one audit entry for the auction's change by bids 3 to 6.
        Assert.Contains(site.WithDb(db => db.AuditLog.Where(e => e.EntityId == auction.Id.ToString()).Select(e => e.Reason).ToList()),
            reason => reason != null && reason.StartsWith("bids 3–6: 4 accepted, 0 rejected", StringComparison.Ordinal));

        int Told(Bidder bidder) => site.WithDb(db => db.Notifications.Count(n => n.OrganizationId == bidder.OrganizationId));
        await Eventually.TrueAsync(() => site.WithDb(db => !db.Outbox.Any(m => m.ProcessedAt == null)) && Told(b) > 0 && Told(c) > 0);
        Assert.Equal(1, Told(b)); // overtaken twice in the commit, told once
        Assert.Equal(1, Told(c));
        Assert.Equal(0, Told(a)); // overtaken, then leading again by the commit's end
        Assert.Equal(0, Told(d)); // never led
    }

    [Fact]
    public async Task A_retry_of_a_bid_that_extended_the_end_gets_the_first_answer_to_the_tick()
    {
        site.SkipUnlessAvailable();
        // Two minutes left: inside the default five-minute soft-close window, so the bid moves the end.
        var auction = await AuctionScenario.CreateAsync(site, endsIn: TimeSpan.FromMinutes(2));
        var bidder = await AuctionScenario.NewBidderAsync(site, "延时出价公司");
        await AuctionScenario.RegisterAsync(site, auction.Id, bidder.OrganizationId);
        var first = await AuctionScenario.BidAsync(bidder.Client, auction.Id, 1_200_000, "soft-close-retry");
        var retry = await AuctionScenario.BidAsync(bidder.Client, auction.Id, 1_200_000, "soft-close-retry");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.True((await JsonAsync(first)).GetProperty("extended").GetBoolean());
        Assert.Equal(await first.Content.ReadAsStringAsync(Ct), await retry.Content.ReadAsStringAsync(Ct));
        Assert.True(retry.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(1, site.WithDb(db => db.AuctionBids.Count(x => x.AuctionId == auction.Id)));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteAuctionBiddingTests(SqliteSite site) : AuctionBiddingTests(site);

[Collection(PostgresCollection.Name)]
public sealed class PostgresAuctionBiddingTests(PostgresSite site) : AuctionBiddingTests(site);
