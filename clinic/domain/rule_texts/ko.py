# ruff: noqa: E501 - translated text: Hangul counts double width
"""The screening's texts in Korean: what each reason, flag and notice says, the outcomes
and the headings (read by :mod:`clinic.domain.rule_texts`; the file's name is the language's
code)."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # -- request type -------------------------------------------------------------------------
    "renewal_request": (
        "이전에 DACA를 받았고, 종료되지 않았으며, 만료된 지 1년이 넘지 않았으므로(또는 아직 만료되지 "
        "않았으므로) 갱신 신청입니다."
    ),
    "initial_request": "DACA를 받은 적이 없거나, 종료되었거나, 만료된 지 1년이 넘었으므로 최초 신청입니다.",
    # -- guidelines met (reasons for likely_eligible) ------------------------------------------
    "arrived_under_16": "16번째 생일 전에 미국에 왔습니다.",
    "born_on_or_after_1981_06_16": "1981년 6월 16일 또는 그 이후에 태어났습니다.",
    "continuous_residence": "2007년 6월 15일부터 계속 미국에 거주했다고 답했습니다.",
    "present_2012_06_15": "2012년 6월 15일에 미국에 있었다고 답했습니다.",
    "no_lawful_status_2012_06_15": "2012년 6월 15일에 합법적인 체류 신분이 없었다고 답했습니다.",
    "education_met": "재학 중이거나, 고등학교 졸업장 또는 수료증, GED가 있거나, 명예 제대했다고 답했습니다.",
    "renewal_guidelines": (
        "DACA를 받은 이후 사전 여행 허가(Advance Parole) 없는 출국, 추방 재판, 구금, 범죄 "
        "기록이 없다고 답했습니다."
    ),
    # -- guidelines plainly not met (not_eligible) ----------------------------------------------
    "arrived_age_16_or_older": "답변에 따르면 16세 이후에 미국에 왔습니다.",
    "born_before_1981_06_16": "답변에 따르면 1981년 6월 16일 이전에 태어났습니다.",
    "arrived_after_2007_06_15": "답변에 따르면 2007년 6월 15일 이후에 처음 입국했으므로 그 날짜부터의 거주를 입증할 수 없습니다.",
    "not_present_2012_06_15": "답변에 따르면 2012년 6월 15일에 미국에 있지 않았습니다.",
    "lawful_status_2012_06_15": "답변에 따르면 2012년 6월 15일에 합법적인 체류 신분이 있었습니다.",
    "under_15_at_filing": "평가일 기준 15세 미만이며 추방 재판 중이 아닙니다. 15번째 생일({date})부터 신청할 수 있습니다.",
    # -- flags: a person (an attorney) must decide ----------------------------------------------
    "criminal_history": "범죄 기록이 있다고 답했습니다({count}건). 모든 체포, 기소, 결과를 변호사가 검토해야 합니다.",
    "criminal_felony": "중범죄(felony)로 보고된 기록이 있습니다.",
    "criminal_significant_misdemeanor": "중대한 경범죄(significant misdemeanor)로 보고된 기록이 있습니다.",
    "criminal_three_misdemeanors": "경범죄가 3건 이상 보고되었습니다.",
    "criminal_pending": "진행 중인 형사 사건이 있다고 답했습니다.",
    "public_safety": "공공 안전 관련 질문에 '예'라고 답했습니다({items}).",
    "removal_proceedings": "추방 재판(removal proceedings) 기록이 있다고 답했습니다(현재 또는 과거).",
    "removal_order": "최종 추방 명령 또는 자진 출국 명령이 있다고 답했습니다.",
    "detained": "현재 이민 구금 상태입니다.",
    "travel_without_advance_parole": "사전 여행 허가(Advance Parole) 없이 미국 밖으로 여행했다고 답했습니다({count}회).",
    "travel_with_advance_parole": (
        "사전 여행 허가(Advance Parole)를 받고 여행했다고 답했습니다. 여행마다 사전 여행 허가 서류와 "
        "I-94 사본을 준비하세요."
    ),
    "daca_terminated": "DACA가 종료되었습니다. 새 신청은 최초 신청이 되며, 종료 사유를 변호사가 검토해야 합니다.",
    "daca_lapsed": "DACA가 {date}에 만료되었습니다(1년 미만). 갱신으로 신청할 수 있지만 공백 기간을 검토해야 합니다.",
    "daca_expired_over_one_year": "DACA가 {date}에 만료되어 1년이 넘었습니다. 최초 신청으로 제출해야 합니다.",
    "renewal_before_window": (
        "아직 제출하기 이릅니다. 갱신 신청 기간은 {date}에 시작됩니다. 그 전에 제출하면 USCIS가 반려할 "
        "수 있습니다."
    ),
    "initial_not_decided": "최초 신청입니다. USCIS는 현재 최초 신청을 접수하지만 결정하지 않습니다. 제출 전에 변호사와 상담해야 합니다.",
    "initial_not_accepted": "최초 신청입니다. 이 날짜에 USCIS는 최초 신청을 받지 않습니다.",
    "continuous_residence_not_confirmed": (
        "2007년 6월 15일부터의 계속 거주가 확인되지 않았습니다. 부재 기간을 변호사가 검토해야 합니다."
    ),
    "education_not_met": "재학, 졸업장, GED, 명예 제대 중 해당 사항이 없다고 답했습니다. 교육 요건을 변호사가 검토해야 합니다.",
    "missing_facts": "아직 답하지 않은 항목: {keys}. 이 답변 없이는 판단할 수 없습니다.",
    "contradiction": "답변이 서로 맞지 않습니다: {items}. 직접 확인해야 합니다.",
    "leap_day_birthday": "2월 29일에 태어났으며 생일이 기준 날짜에 걸리므로 나이를 변호사가 확인해야 합니다.",
    # -- notices --------------------------------------------------------------------------------
    "renewal_after_window": "권장 신청 기간이 {date}에 끝났습니다. 공백을 줄이려면 가능한 한 빨리 제출하세요.",
    "fees": (
        "이 날짜 기준 수수료: I-821D ${i821d}, I-765 우편 ${i765_paper} 또는 온라인 "
        "${i765_online}. 각각 따로 납부합니다."
    ),
}

OUTCOMES: dict[str, str] = {
    "likely_eligible": "자격이 있을 수 있음",
    "attorney_review": "변호사 검토 필요",
    "not_eligible": "답변상 DACA 요건 중 하나를 충족하지 않는 것으로 보임",
}

HEADINGS: dict[str, str] = {
    "request_type": "신청 유형",
    "renewal": "갱신",
    "initial": "최초",
    "outcome": "선별 결과",
    "window": "신청 기간: {opens} 시작, {closes} 종료, DACA 만료일 {expires}",
    "reasons": "이유",
    "flags": "변호사 검토 사항",
    "notices": "안내",
    "disclaimer": "이 결과는 변호사 검토를 준비하기 위한 선별이며 법률 자문이 아닙니다.",
}
