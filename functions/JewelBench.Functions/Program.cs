using JewelBench.Functions.Hosting;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, WebRootPath = HostFiles.WebRoot });
builder.Configuration.AddHostSettings();
builder.AddJewelBench();

var app = builder.Build();
app.MapJewelBench();
app.Run();

public partial class Program;
