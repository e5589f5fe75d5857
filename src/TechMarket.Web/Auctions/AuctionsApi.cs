using System.Text.Json;
using TechMarket.Domain.Auctions;
using TechMarket.Infrastructure.Auctions;
using TechMarket.Web.Identity;

namespace TechMarket.Web.Auctions;

public sealed record BidResponse(string Outcome, string? Reason, string? Message, long? MinimumFen, long? PriceFen, string? Leader, string? BidderCode, DateTimeOffset? EndsAt, long Sequence, bool Extended);

internal static class AuctionsApi
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public static void MapAuctionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/auctions").WithTags("Auctions");
        api.MapGet("/{id:guid}", GetAsync).AllowAnonymous()
            .WithName("GetAuction").WithSummary("Public state of an auction: price, leader's bidder code, end, history by bidder code.")
            .Produces<AuctionPublicView>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{id:guid}/bids", BidAsync)
            .RequireAuthorization(Policies.ApiAuctionsBid, Policies.VerifiedMember)
            .WithName("PlaceBid").WithSummary("Places a bid ({ \"maxFen\": … }) with an Idempotency-Key header; a retry with the same key gets the first answer.")
            .Produces<BidResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }

    internal static async Task<IResult> GetAsync(Guid id, AuctionReads reads, CancellationToken cancellationToken) =>
        await reads.PublicAsync(id, cancellationToken) is { } view ? TypedResults.Ok(view) : NotFound();

    internal static async Task<IResult> BidAsync(Guid id, HttpContext http, PlaceBid placeBid, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var key = http.Request.Headers[IdempotencyHeader].ToString();
        if (string.IsNullOrWhiteSpace(key) || key.Length > PlaceBid.MaxKeyLength)
        {
            errors[IdempotencyHeader] = [$"请提供 Idempotency-Key 请求头（1-{PlaceBid.MaxKeyLength} 个字符）/ The Idempotency-Key header is required (1-{PlaceBid.MaxKeyLength} characters)."];
        }
        var maxFen = await ReadMaxFenAsync(http.Request, errors, cancellationToken);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "请求无效 / Invalid bid");
        if (http.User.OrganizationId() is not { } org) return TypedResults.Forbid();

        var result = await placeBid.RunAsync(id, new BidderActor(org, http.User.UserId(), http.User.IsCenterStaff()), maxFen!.Value, key, cancellationToken);
        if (result.Replayed) http.Response.Headers["Idempotent-Replayed"] = "true";
        return result.Status switch
        {
            PlaceBidStatus.Accepted => TypedResults.Ok(new BidResponse("accepted", null, result.Message, null, result.PriceFen, result.Leader, result.BidderCode, result.EndsAt, result.Sequence, result.Extended)),
            PlaceBidStatus.Rejected => Problem(StatusCodes.Status409Conflict, "出价未被接受 / Bid not accepted", result),
            PlaceBidStatus.Refused => Problem(StatusCodes.Status403Forbidden, "不能出价 / You may not bid", result),
            PlaceBidStatus.NotFound => NotFound(),
            _ => throw new InvalidOperationException($"Unknown status {result.Status}."),
        };
    }

    private static async Task<long?> ReadMaxFenAsync(HttpRequest request, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        const string field = "maxFen";
        string Message() => $"请填写出价金额（以分为单位的正整数，最多 {AuctionRules.MaxAmount.Fen}）/ maxFen is required: a whole number of fen from 1 to {AuctionRules.MaxAmount.Fen}.";
        try
        {
            using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            if (body.RootElement.ValueKind == JsonValueKind.Object
                && body.RootElement.TryGetProperty(field, out var value)
                && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var fen)
                && fen > 0 && fen <= AuctionRules.MaxAmount.Fen)
            {
                return fen;
            }
        }
        catch (JsonException)
        {
            // reported below as the field's error
        }
        errors[field] = [Message()];
        return null;
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Problem(int status, string title, PlaceBidResult result) => TypedResults.Problem(
        detail: result.Message,
        statusCode: status,
        title: title,
        extensions: new Dictionary<string, object?>
        {
            ["reason"] = result.Reason,
            ["minimumFen"] = result.MinimumFen,
            ["priceFen"] = result.PriceFen,
            ["leader"] = result.Leader,
            ["bidderCode"] = result.BidderCode,
            ["endsAt"] = result.EndsAt,
            ["sequence"] = result.Sequence,
        });

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult NotFound() => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "竞价不存在 / No such auction");
}
