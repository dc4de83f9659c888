using Cvety.Application.Orders;
using Cvety.Domain.Users;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Cvety.Application.Users;

/// <summary>
/// The <see cref="User"/> document, inline: the write model of account decisions and the read model of every user
/// list. Changes that make old tokens meaningless (password, role, removal, block) move the security stamp.
/// </summary>
public sealed partial class UserProjection : SingleStreamProjection<User, Guid>
{
    public User Create(IEvent<UserRegistered> e) => new()
    {
        Id = e.Data.UserId, Name = e.Data.Name, Phone = e.Data.Phone, Email = e.Data.Email, PasswordHash = e.Data.PasswordHash,
        Role = e.Data.Role, ShopId = e.Data.ShopId, CreatedAt = e.At(), UpdatedAt = e.At(),
    };

    public void Apply(IEvent<UserProfileChanged> e, User user) => Touch(user, e, () => (user.Name, user.Email) = (e.Data.Name, e.Data.Email));

    public void Apply(IEvent<UserTelegramLinked> e, User user) => Touch(user, e, () => user.TelegramUserId = e.Data.TelegramUserId);

    public void Apply(IEvent<UserPhoneChanged> e, User user) => Touch(user, e, () => user.Phone = e.Data.NewPhone);

    public void Apply(IEvent<UserPasswordChanged> e, User user) => Touch(user, e, () => user.PasswordHash = e.Data.PasswordHash, newStamp: true, kept: e.Data.KeptSession);

    public void Apply(IEvent<UserPasswordRehashed> e, User user) => Touch(user, e, () => user.PasswordHash = e.Data.PasswordHash);

    public void Apply(IEvent<UserPasswordReset> e, User user) => Touch(user, e, () => user.PasswordHash = e.Data.PasswordHash, newStamp: true);

    public void Apply(IEvent<UserRoleChanged> e, User user) => Touch(user, e, () => user.Role = e.Data.NewRole, newStamp: true);

    public void Apply(IEvent<UserDeactivated> e, User user) => Touch(user, e, () => user.IsActive = false, newStamp: true);

    public void Apply(IEvent<UserReactivated> e, User user) => Touch(user, e, () => (user.IsActive, user.Role) = (true, e.Data.Role), newStamp: true);

    public void Apply(IEvent<UserBlocked> e, User user) => Touch(user, e, () => user.IsBlocked = true, newStamp: true);

    public void Apply(IEvent<UserUnblocked> e, User user) => Touch(user, e, () => user.IsBlocked = false);

    public void Apply(IEvent<UserSignedOut> e, User user) => Touch(user, e, () =>
    {
        user.RevokedSessions.RemoveAll(r => r.Until < e.At());
        user.RevokedSessions.Add(new RevokedSession(e.Data.SessionId, e.Data.TokenExpires));
    });

    private static void Touch(User user, IEvent e, Action change, bool newStamp = false, Guid? kept = null)
    {
        change();
        if (newStamp)
        {
            user.SecurityStamp++;
            user.KeptSession = kept;
        }
        user.UpdatedAt = e.At();
    }
}
