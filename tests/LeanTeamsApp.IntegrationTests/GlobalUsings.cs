global using LeanTeamsApp.IntegrationTests.Support;
global using LeanTeamsApp.Testing;
global using Microsoft.Extensions.DependencyInjection;
