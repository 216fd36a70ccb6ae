global using JewelBench.Core.Jobs;
global using JewelBench.Functions.Http;
global using JewelBench.Functions.Storage;
global using Microsoft.AspNetCore.Http.HttpResults;
