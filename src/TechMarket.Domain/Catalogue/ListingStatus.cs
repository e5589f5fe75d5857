namespace TechMarket.Domain.Catalogue;

public enum ListingStatus
{
    Draft = 0,
    Submitted = 1,
    Rejected = 2,
    Published = 3,
    Withdrawn = 4,
    Expired = 5,
    UnderOffer = 6,
    InAuction = 7,
    Sold = 8,
}
