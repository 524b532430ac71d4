using LeanTeamsApp.Features.Planning;
using LeanTeamsApp.Infrastructure.Events;

namespace LeanTeamsApp.Features.Reviews;

/// <summary>
/// Asks an ended appointment's owner, 1:1, to record what it found. The year wheel announces the appointment on every
/// tick of its record window; the message id names the appointment, so the owner gets the card once.
/// </summary>
public sealed class RecordPrompt(PersonalChats chats) : ISubscriber<AppointmentEnded>
{
    public async Task OnAsync(AppointmentEnded announced, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(announced);
        var plan = announced.Appointment.Plan;
        var card = AppointmentRecordCard.Form(announced.Language, announced.Unit, announced.Appointment, announced.People);
        await chats.SendAsync(announced.TenantId, plan.OwnerId, $"appointment-record|{plan.Id}", card, plan.UnitId, cancellationToken);
    }
}
