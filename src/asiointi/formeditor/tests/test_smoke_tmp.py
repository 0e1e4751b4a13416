from asiointi.formeditor.tests.support import PARKING, editor_url, manager_client, opened


def test_walk(demo_forms):
    client = manager_client()
    assert client.get(editor_url("index")).status_code == 200
    r = client.get(editor_url("overview", PARKING))
    assert r.status_code == 200, r.content.decode()[:3000]
    opened(client)
    for name, args in [
        ("overview", ()),
        ("texts", ()),
        ("page_add", ()),
        ("page", ("vehicle",)),
        ("page_delete", ("vehicle",)),
        ("question_add", ("vehicle",)),
        ("question", ("vehicle", "registration")),
        ("question", ("vehicle", "emissions")),
        ("question", ("vehicle", "holding")),
        ("question_delete", ("vehicle", "holding")),
        ("exit", ("not_eligible",)),
        ("exit_add", ()),
        ("preview", ("vehicle",)),
        ("preview_end", ()),
        ("publish", ()),
        ("versions", ()),
        ("export", ()),
        ("import", ()),
    ]:
        r = client.get(editor_url(name, PARKING, *args))
        assert r.status_code == 200, (name, r.content.decode()[:3000])
    r = client.get(editor_url("question_add", PARKING, "vehicle", query="?type=file"))
    assert r.status_code == 200, r.content.decode()[:3000]
