"""The claims the test provider issues, shaped like Entra ID's."""


def userinfo(claims, user):
    claims.update(
        name=user.get_full_name(),
        given_name=user.first_name,
        family_name=user.last_name,
        email=user.email,
        email_verified=True,
        preferred_username=user.username,
    )
    return claims


def groups_in_id_token(id_token, user, **kwargs):
    id_token["groups"] = sorted(user.groups.values_list("name", flat=True))
    return id_token
