// Example values for one municipality; copy and edit. The client secret is never written here: it is read from the
// environment of whoever deploys (export LEANTEAMSAPP_BOT_APP_PASSWORD=... first).
using 'main.bicep'

param namePrefix = 'fjordvik'
param location = 'norwayeast'
param botAppId = '11111111-2222-3333-4444-555555555555'
param botTenantId = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee'
param botAppPassword = readEnvironmentVariable('LEANTEAMSAPP_BOT_APP_PASSWORD')
param botSku = 'F0'
param appServicePlanSku = 'B1'
// Raise by one (and redeploy) to rotate the key that signs report download links; links posted before then answer 403.
param reportLinkKeyVersion = 1
