// LeanTeamsApp in one resource group: storage (tables, queues), Key Vault with the three secrets, a Linux web app that
// reads them through Key Vault references with its own identity, the Azure Bot with the Teams channel, and
// workspace-based Application Insights. Deploy with `az deployment group create --parameters infra/main.bicepparam`.

@description('Short name that starts every resource name, e.g. "lean" or "fjordvik". Lower-case letters, digits and hyphens.')
@minLength(2)
@maxLength(10)
param namePrefix string

@description('Azure region for everything except the bot, which is global.')
param location string = resourceGroup().location

@description('The bot\'s Entra app registration: its application (client) id. The bot id in Teams is this id.')
@minLength(36)
@maxLength(36)
param botAppId string

@description('The Entra tenant of the app registration (single-tenant bot).')
@minLength(36)
@maxLength(36)
param botTenantId string = tenant().tenantId

@description('A client secret of the app registration. Goes into Key Vault only; never output.')
@secure()
param botAppPassword string

@description('Raise by one to rotate the key that signs report download links: every link posted before then answers 403.')
@minValue(1)
param reportLinkKeyVersion int = 1

@description('Host name the tab is served from when it is not the web app\'s own (a custom domain); empty for the default host name. Must be the --domain of manifest/package.mjs: Teams asks Entra for the tab\'s token for api://<this host>/<botAppId>.')
param appDomain string = ''

@description('Azure Bot pricing tier. F0 is free with a message cap on premium channels; Teams is a standard channel.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('App Service plan size. Basic or above: the app needs Always On for its schedulers.')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'P0v3'
  'P1v3'
])
param appServicePlanSku string = 'B1'

var suffix = uniqueString(resourceGroup().id, namePrefix)
var prefix = toLower(namePrefix)
var storageAccountName = take('st${replace(prefix, '-', '')}${suffix}', 24)
var keyVaultName = 'kv-${prefix}-${take(suffix, 8)}'
var webAppName = '${prefix}-${suffix}'
var botName = '${prefix}-bot-${suffix}'

// Built-in role "Key Vault Secrets User": read secret contents, on vaults that use Azure RBAC.
var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'

resource storage 'Microsoft.Storage/storageAccounts@2026-06-01' = {
  name: storageAccountName
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    // The app authenticates with the account key in its connection string (Storage:ConnectionString).
    allowSharedKeyAccess: true
    accessTier: 'Hot'
  }
}

// The app creates its tables and its queue at start-up, so their names live in one place (the code).
resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2026-06-01' = {
  parent: storage
  name: 'default'
  properties: {}
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2026-06-01' = {
  parent: storage
  name: 'default'
  properties: {}
}

resource logs 'Microsoft.OperationalInsights/workspaces@2026-03-01' = {
  name: '${prefix}-logs'
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
  }
}

// Where the app's OpenTelemetry traces, metrics and logs go (Azure.Monitor.OpenTelemetry.AspNetCore, switched on by
// APPLICATIONINSIGHTS_CONNECTION_STRING below); workspace-based, so they are kept and queried in the workspace above.
resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${prefix}-appi'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
    // Client IP addresses are personal data; ingestion keeps only the country they belong to.
    DisableIpMasking: false
  }
}

resource vault 'Microsoft.KeyVault/vaults@2026-05-15' = {
  name: keyVaultName
  location: location
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource botPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = {
  parent: vault
  name: 'bot-app-password'
  properties: {
    value: botAppPassword
  }
}

resource storageConnectionStringSecret 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = {
  parent: vault
  name: 'storage-connection-string'
  properties: {
    value: 'DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=${storage.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'
  }
}

// The key that signs report download links (Reports__LinkKey); every instance and every restart must share it, or the
// links already posted in Teams answer 403. ARM has no random function outside parameter defaults, and a new random
// value on each deployment would break the links just the same, so the key is derived: two name-based GUIDs (SHA-1
// of their inputs) of the storage account's key, unchanged from one deployment to the next, revealing nothing of
// that key, and new when reportLinkKeyVersion is raised (or the storage key is rotated and the template redeployed).
var storageKey = storage.listKeys().keys[0].value
var reportLinkKeyText = '${guid(storageKey, 'report-link-key', string(reportLinkKeyVersion), '1')}${guid(storageKey, 'report-link-key', string(reportLinkKeyVersion), '2')}'

resource reportLinkKeySecret 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = {
  parent: vault
  name: 'report-link-key'
  properties: {
    value: base64(reportLinkKeyText)
  }
}

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: '${prefix}-plan'
  location: location
  kind: 'linux'
  sku: {
    name: appServicePlanSku
  }
  properties: {
    reserved: true
  }
}

resource webApp 'Microsoft.Web/sites@2025-03-01' = {
  name: webAppName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: 'SystemAssigned'
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      alwaysOn: true
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      http20Enabled: true
      healthCheckPath: '/healthz'
    }
  }
}

// The tab's Application ID URI: the manifest's webApplicationInfo.resource and the audience of its SSO tokens.
var tabHost = empty(appDomain) ? webApp.properties.defaultHostName : appDomain
var tabApplicationIdUri = 'api://${tabHost}/${botAppId}'

resource webAppReadsSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, webApp.id, keyVaultSecretsUserRoleId)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRoleId)
    principalId: webApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

// A separate resource so that the settings arrive after the identity may read the vault: a Key Vault reference
// resolved before the role assignment exists stays unresolved until App Service retries it.
// Linux app settings are environment variables, which cannot contain ':', so nested keys use '__'.
resource webAppSettings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: webApp
  name: 'appsettings'
  properties: {
    Storage__ConnectionString: '@Microsoft.KeyVault(SecretUri=${storageConnectionStringSecret.properties.secretUri})'
    Bot__AppId: botAppId
    Bot__TenantId: botTenantId
    Bot__AppPassword: '@Microsoft.KeyVault(SecretUri=${botPasswordSecret.properties.secretUri})'
    Reports__LinkKey: '@Microsoft.KeyVault(SecretUri=${reportLinkKeySecret.properties.secretUri})'
    // The tab's single sign-on (Microsoft.Identity.Web; the app turns it on when AzureAd__ClientId is set). The bot's
    // app registration is single-tenant, so only its own tenant's tokens are accepted; validating a token needs no
    // secret.
    AzureAd__Instance: environment().authentication.loginEndpoint
    AzureAd__TenantId: botTenantId
    AzureAd__ClientId: botAppId
    AzureAd__Audience: tabApplicationIdUri
    // The app exports its own telemetry when this is set; App Service's Application Insights agent stays off, as it
    // would report the same requests twice (or refuse to start beside the app's OpenTelemetry).
    APPLICATIONINSIGHTS_CONNECTION_STRING: appInsights.properties.ConnectionString
  }
  dependsOn: [
    webAppReadsSecrets
  ]
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botName
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: {
    displayName: 'LeanTeamsApp'
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppId: botAppId
    msaAppType: 'SingleTenant'
    msaAppTenantId: botTenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      enableCalling: false
    }
  }
}

@description('Name of the web app: what `az webapp deploy --name` wants.')
output webAppName string = webApp.name

@description('Host name the app is served from: the --domain of manifest/package.mjs and the messaging endpoint\'s host.')
output webAppHostName string = webApp.properties.defaultHostName

@description('The bot id Teams knows (the app registration\'s client id): the --bot-app-id of manifest/package.mjs.')
output botId string = bot.properties.msaAppId

@description('The Application ID URI to set under "Expose an API" in the app registration: the audience of the tab\'s SSO tokens and the manifest\'s webApplicationInfo.resource.')
output tabApplicationIdUri string = tabApplicationIdUri

@description('Name of the Azure Bot resource.')
output botResourceName string = bot.name

@description('Key Vault holding the bot secret, the storage connection string and the report-link key; rotate the bot secret here.')
output keyVaultName string = vault.name
