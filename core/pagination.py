from django.core.paginator import Paginator


def paginate(request, items, per_page):
    """The page of ``items`` that ``?page=`` asks for, as the listings and components/pagination.html use it.

    A page number that is not a number gives the first page and one past the end the last
    (Django's ``Paginator.get_page``), so a stale link never fails.
    """
    return Paginator(items, per_page).get_page(request.GET.get("page"))
