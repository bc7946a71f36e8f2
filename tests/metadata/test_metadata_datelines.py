"""is_dateline, date_label and label_dates."""

from __future__ import annotations

import datetime as dt

import pytest

from newscorpus.metadata import date_label, is_dateline, label_dates


@pytest.mark.parametrize(
    "text",
    [
        "Jun 20, 2025  |  ",
        "10 Dec 2023",
        "Updated: Nov 19, 2019, 10:31 pm CST",
        "Published 18 November 2019 by Jane Doe",
        "Posted on Monday, November 18, 2019",
        "Last updated on 18/11/2019 at 10:31 GMT",
        "Mis à jour le 18 novembre 2019 à 10h31",
        "Publié le 18/11/2019 à 10:31 - Mis à jour le 19/11/2019",
        "Veröffentlicht am 18.11.2019 um 23:03 Uhr",
        "Stand: 18.11.2019 23:03 Uhr",
        "Publicado el 18 de noviembre de 2019",
        "Actualizado: 18/11/2019 10:31",
        "Pubblicato il 18 novembre 2019",
        "Gepubliceerd op 18 november 2019",
        "Opublikowano: 18 listopada 2019, 10:31",
        "Опубликовано: 18 ноября 2019, 10:31",
        "18 ноября 2019, 10:31 Москва",
        "Güncelleme: 18 Kasım 2019 10:31",
        "发布时间：2019-11-18 10:31 来源：新华网",
        "2019年11月18日 10:31",
        "2019.11.18 오후 3:20",
        "١٨ نوفمبر ٢٠١٩ القاهرة",
        "Remer,MN | Jun 20, 2025",
        "Nov 19, 2019 · 5 min read",
        "PARIS, 18 novembre 2019 (AFP)",
        "Friday 18 November 2019 10.31 GMT",
    ],
)
def test_datelines(text: str) -> None:
    assert is_dateline(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Le Monde",
        "Stalled talks",
        "The ceasefire signed on 18 November 2019 did not hold for long.",
        "He said on 18 November 2019 that the deal was off",
        "In a joint statement on Thursday, December 7, the two countries promised",
        "Azerbaijan holds a military parade in November 2023",
        "Apple Inc Reports Q4 Results November 18, 2019",
        "New Delhi, News Nation Bureau | Updated : 19 November 2019, 09:01 AM",
        "نشر في 18 نوفمبر 2019 قال الرئيس إن الاتفاق لن يوقع قريبا",
        "2019年11月18日，亚美尼亚和阿塞拜疆在莫斯科举行会谈并发表联合声明",
        "Jun 20, 2025 " + "word " * 40,
    ],
)
def test_not_datelines(text: str) -> None:
    assert not is_dateline(text)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Published: 18 Nov 2019", "published"),
        ("Posted on Nov 18, 2019", "published"),
        ("First published on 18 Nov 2019", "published"),
        ("Updated 18 Nov 2019", "modified"),
        ("Last updated: 18 Nov 2019", "modified"),
        ("Modified 18 Nov 2019", "modified"),
        ("Publié le 18/11/2019", "published"),
        ("Mis à jour le 18/11/2019", "modified"),
        ("MIS A JOUR LE 18/11/2019", "modified"),
        ("Veröffentlicht am 18.11.2019", "published"),
        ("Aktualisiert am 18.11.2019", "modified"),
        ("Publicado el 18/11/2019", "published"),
        ("Actualizado el 18/11/2019", "modified"),
        ("Publicado em 18/11/2019", "published"),
        ("Atualizado em 18/11/2019", "modified"),
        ("Pubblicato il 18/11/2019", "published"),
        ("Aggiornato il 18/11/2019", "modified"),
        ("Gepubliceerd op 18-11-2019", "published"),
        ("Bijgewerkt op 18-11-2019", "modified"),
        ("Opublikowano: 18.11.2019", "published"),
        ("Zaktualizowano: 18.11.2019", "modified"),
        ("Опубликовано: 18.11.2019", "published"),
        ("Обновлено: 18.11.2019", "modified"),
        ("Yayınlanma: 18.11.2019", "published"),
        ("Güncelleme: 18.11.2019", "modified"),
        ("发布时间：2019-11-18", "published"),
        ("更新时间：2019-11-18", "modified"),
        ("2019年11月18日 公開", "published"),
        ("입력 2019.11.18", "published"),
        ("수정 2019.11.18", "modified"),
        ("تاريخ النشر: 18 نوفمبر 2019", "published"),
        ("آخر تحديث: 18 نوفمبر 2019", "modified"),
        ("Published 18 Nov 2019 | Updated 19 Nov 2019", "published"),
        ("18 November 2019", "unknown"),
        ("Unpublished draft", "unknown"),
        ("Republished", "unknown"),
    ],
)
def test_date_label(text: str, label: str) -> None:
    assert date_label(text) == label


def test_label_dates_labels_each_date_by_the_label_before_it() -> None:
    labelled = label_dates("Published 18 Nov 2019 10:31 | Updated 19 Nov 2019")
    assert [(found.value, label) for found, label in labelled] == [
        (dt.datetime(2019, 11, 18, 10, 31), "published"),
        (dt.date(2019, 11, 19), "modified"),
    ]


def test_label_dates_reads_labels_after_dates_when_the_line_does() -> None:
    labelled = label_dates("2019年11月18日 公開 2019年11月19日 更新")
    assert [label for _, label in labelled] == ["published", "modified"]


def test_label_dates_leaves_an_unlabelled_date_unknown() -> None:
    labelled = label_dates("18/11/2019 - 10h31 - Atualizado em 19/11/2019 - 11h00")
    assert [label for _, label in labelled] == ["unknown", "modified"]
    assert label_dates("no date here") == []
