global using LeanTeamsApp.IntegrationTests.Support;
global using Microsoft.Extensions.DependencyInjection;
