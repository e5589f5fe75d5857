using TechMarket.Infrastructure;
using TechMarket.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddTechMarketWeb();

var app = builder.Build();
await app.PrepareAsync();
app.UseTechMarketWeb();
await app.RunAsync();

/// <summary>Entry point; public so WebApplicationFactory can host it in tests.</summary>
public partial class Program;
