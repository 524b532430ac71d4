namespace LeanTeamsApp.IntegrationTests.Access;

/// <summary>Who asks: one person per role of the demo organisation, someone the organisation does not know, and someone of another tenant.</summary>
public enum Persona
{
    Coordinator,
    Consultant,
    TopManagementMember,
    TopManagementLeader,
    ServiceAreaLeader,
    UnitLeader,
    UnitCoordinator,
    Member,
    Outsider,
    OtherTenant,
}

/// <summary>
/// The expectations of the authorisation matrix test: for every entry point, which personas may use it on their own
/// unit (Byggesak, in the service area Samfunnsutvikling og teknikk) and on another (Barneverntjenesten, in Oppvekst og
/// kultur). Written out by hand from README's "Who may do what", not computed from the access rule, so that a change
/// to the rule that this table does not share fails the test. README shows the same table.
/// </summary>
public static class AuthorisationMatrix
{
    private const Persona C = Persona.Coordinator;
    private const Persona Cons = Persona.Consultant;
    private const Persona TM = Persona.TopManagementMember;
    private const Persona TML = Persona.TopManagementLeader;
    private const Persona SAL = Persona.ServiceAreaLeader;
    private const Persona UL = Persona.UnitLeader;
    private const Persona UC = Persona.UnitCoordinator;
    private const Persona M = Persona.Member;
    private const Persona Out = Persona.Outsider;

    private static readonly Persona[] Readers = [C, Cons, TM, TML];
    private static readonly Persona[] Known = [C, Cons, TM, TML, SAL, UL, UC, M];
    private static readonly Persona[] InTenant = [.. Known, Out];

    private static readonly Persona[] ViewUnitOwn = [.. Readers, SAL, UL, UC, M];
    private static readonly Persona[] ViewAreaOwn = [.. Readers, SAL];

    /// <summary>Entry point -> who may, on their own unit and on another. Organisation-wide entry points give the same for both.</summary>
    public static readonly IReadOnlyDictionary<string, (Persona[] Own, Persona[] Other)> Expected = new Dictionary<string, (Persona[], Persona[])>
    {
        // Chat commands, in the unit's channel where they are about a unit.
        ["command Help"] = (InTenant.Append(Persona.OtherTenant).ToArray(), InTenant.Append(Persona.OtherTenant).ToArray()),
        ["command Units"] = (InTenant, InTenant),
        ["command WhoAmI"] = (Known, Known),
        ["command Gemba"] = (Known, Known),
        ["command Status"] = (ViewUnitOwn, Readers),
        ["command Improvements"] = (ViewUnitOwn, Readers),
        ["command FollowUps"] = (ViewUnitOwn, Readers),
        ["command CheckIn"] = ([UL, UC], []),
        // Adding and moving improvements is one permission in chat and in the tab's board (below).
        ["command ImprovementAdd"] = ([C, UL, UC, M], [C]),
        ["command BoardMeeting"] = ([C, SAL, UL, UC], [C]),
        ["command EditUnit"] = ([C, UL], [C]),
        ["command ReviewDone"] = ([C, Cons, SAL], [C, Cons]),
        ["command Digest"] = (ViewAreaOwn, Readers),
        ["command Report"] = (ViewAreaOwn, ViewAreaOwn),
        ["command RegisterUnit"] = ([C], [C]),
        ["command UnregisterUnit"] = ([C], [C]),
        ["command SetCoordinatorChannel"] = ([C], [C]),
        ["command GembaPlan"] = ([C], [C]),
        ["command AppointmentMove"] = ([C, SAL], [C]),
        ["command AppointmentCancel"] = ([C, SAL], [C]),
        ["command AppointmentOwner"] = ([C, SAL], [C]),

        // Card verbs, with the unit (or appointment) named in the card's data.
        ["verb checkin.submit"] = ([UL, UC], []),
        ["verb checkin.nothingnew"] = ([UL, UC], []),
        ["verb checkin.edit"] = ([UL, UC], []),
        ["verb improvement.move"] = ([C, UL, UC, M], [C]),
        ["verb improvement.benefit"] = ([UL, UC, M], []),
        ["verb improvement.reinvest"] = ([UL, UC, M], []),
        ["verb unit.save"] = ([C, UL], [C]),
        ["verb review.record"] = ([C, Cons, SAL], [C, Cons]),
        ["verb followup.close"] = ([C, SAL, UL, UC], [C]),
        ["verb deviation.close"] = ([UL, UC, M], []),
        ["verb deviation.followup"] = ([C, SAL, UL, UC], [C]),
        ["verb unit.rebind"] = ([C], [C]),

        // Tab endpoints, signed in as the persona; "may" means the unit is in the answer where the answer is a list.
        ["GET /api/tab/me"] = (InTenant, InTenant),
        ["GET /api/tab/overview"] = (ViewUnitOwn, Readers),
        ["GET /api/tab/units/{unitId}"] = (ViewUnitOwn, Readers),
        ["GET /api/tab/yearwheel/"] = (ViewUnitOwn, Readers),
        ["GET /api/tab/channel-units/"] = (ViewUnitOwn, Readers),
        ["GET /api/tab/actionplan/"] = (Known, Known),
        // Which units the app cannot reach: for the coordinator, who mends it, and top management.
        ["GET /api/tab/delivery/"] = ([C, TM, TML], [C, TM, TML]),
        // A person's data: the coordinator's, and the person's own (the unit leader asks for her own on "own").
        ["GET /api/tab/people/{id}/data"] = ([C, UL], [C]),
        ["POST /api/tab/people/{id}/erase"] = ([C], [C]),
        ["GET /api/tab/privacy/retention"] = ([C], [C]),
        ["PUT /api/tab/privacy/retention"] = ([C], [C]),
        ["POST /api/tab/actionplan/"] = ([C], [C]),
        ["PUT /api/tab/actionplan/{id}"] = ([C], [C]),
        ["DELETE /api/tab/actionplan/{id}"] = ([C], [C]),
        ["GET /api/tab/organisation/file"] = ([C], [C]),
        ["POST /api/tab/organisation/file"] = ([C], [C]),
        ["GET /api/tab/organisation/history"] = ([C], [C]),
        // Picking people to name: the coordinator, and those who name people for their own area or unit.
        ["GET /api/tab/people/"] = ([C, SAL, UL], [C, SAL, UL]),
        // Editing the organisation in the tab: a unit's leader edits their own unit, a service area's leader its goals.
        ["GET /api/tab/organisation/forms"] = ([C], [C]),
        ["POST /api/tab/organisation/units"] = ([C], [C]),
        ["GET /api/tab/organisation/units/{unitId}"] = ([C, UL], [C]),
        ["PUT /api/tab/organisation/units/{unitId}"] = ([C, UL], [C]),
        ["POST /api/tab/organisation/units/{unitId}/archive"] = ([C], [C]),
        ["POST /api/tab/organisation/units/{unitId}/restore"] = ([C], [C]),
        ["GET /api/tab/organisation/areas/{areaId}"] = ([C, SAL], [C]),
        ["PUT /api/tab/organisation/areas/{areaId}"] = ([C, SAL], [C]),
        ["PUT /api/tab/organisation/settings"] = ([C], [C]),
        ["PUT /api/tab/organisation/roles"] = ([C], [C]),
        ["GET /api/tab/reports/{file}"] = (ViewAreaOwn, Readers),
        ["POST /api/tab/units/{unitId}/deviations/{id}/close"] = ([UL, UC, M], []),
        ["POST /api/tab/units/{unitId}/deviations/{id}/followup"] = ([C, SAL, UL, UC], [C]),
        ["PUT /api/tab/units/{unitId}/benefits/{id}"] = ([C, UL, UC], [C]),
        ["DELETE /api/tab/units/{unitId}/benefits/{id}"] = ([C, UL, UC], [C]),
        // A benefit's own stages are board work: the unit's people, as for closing a deviation.
        ["POST /api/tab/units/{unitId}/benefits/"] = ([UL, UC, M], []),
        ["PUT /api/tab/units/{unitId}/benefits/{id}/stages/{stage}"] = ([UL, UC, M], []),
        // The board in the tab during the meeting: the unit's people, and the Lean coordinator who helps boards run.
        ["POST /api/tab/units/{unitId}/improvements/"] = ([C, UL, UC, M], [C]),
        ["POST /api/tab/units/{unitId}/improvements/{id}/move"] = ([C, UL, UC, M], [C]),
        ["PUT /api/tab/units/{unitId}/improvements/{id}/owner"] = ([C, UL, UC, M], [C]),
        ["PUT /api/tab/units/{unitId}/improvements/{id}/due"] = ([C, UL, UC, M], [C]),
        ["PUT /api/tab/units/{unitId}/improvements/{id}/pick"] = ([C, UL, UC, M], [C]),

        // An appointment may be changed by the coordinator and by its owner: Byggesak's walk is its service-area leader's.
        ["POST /api/tab/yearwheel/{year:int}/appointments/{id}/move"] = ([C, SAL], [C]),
        ["POST /api/tab/yearwheel/{year:int}/appointments/{id}/cancel"] = ([C, SAL], [C]),
        ["POST /api/tab/yearwheel/{year:int}/appointments/{id}/owner"] = ([C, SAL], [C]),

        // The report link a `report` card carries, opened in a plain browser: it covers what its requester may see.
        ["GET /api/reports/{tenantId}/{file}"] = (ViewAreaOwn, Readers),
    };
}
