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
    "arrived_under_16": "만 16세 생일 전에 미국에 와서 거주하기 시작했습니다.",
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
    "arrived_age_16_or_older": "답변에 따르면 만 16세 이상일 때 미국에 와서 거주하기 시작했습니다.",
    "born_before_1981_06_16": "답변에 따르면 1981년 6월 16일 전에(6월 15일 또는 그 전에) 태어났습니다.",
    "arrived_after_2007_06_15": "답변에 따르면 2007년 6월 15일 후에(6월 16일 또는 그 뒤에) 처음 입국했으므로 그 날짜부터의 거주를 입증할 수 없습니다.",
    "not_present_2012_06_15": "답변에 따르면 2012년 6월 15일에 미국에 있지 않았습니다.",
    "lawful_status_2012_06_15": "답변에 따르면 2012년 6월 15일에 합법적인 체류 신분이 있었습니다.",
    "under_15_at_filing": "평가일 기준 만 15세 미만이며 추방 재판 중이 아닙니다. 만 15세 생일({date})부터 신청할 수 있습니다.",
    # -- flags: a person (an attorney) must decide ----------------------------------------------
    "criminal_history": "범죄 기록이 있다고 답했습니다({count}건). 모든 체포, 기소, 결과를 변호사가 검토해야 합니다.",
    "criminal_felony": "중범죄(felony)로 보고된 기록이 있습니다.",
    "criminal_significant_misdemeanor": "중대한 경범죄(significant misdemeanor)로 보고된 기록이 있습니다.",
    "criminal_three_misdemeanors": (
        "서로 다른 날짜에 경범죄로 유죄 판결을 받은 기록이 3건 이상 있습니다(같은 날짜의 기록은 1건으로 "
        "셉니다)."
    ),
    "criminal_pending": "진행 중인 형사 사건이 있다고 답했습니다.",
    "criminal_possible_significant_misdemeanor": (
        "다음 기록은 더 가벼운 등급으로 입력되었지만, 적힌 혐의는 경범죄로 유죄 판결을 받으면 중대한 "
        "경범죄(significant misdemeanor)에 해당합니다: {entries}. 변호사가 기록을 확인해야 합니다(90일을 "
        "넘는 구금형을 받은 경범죄도 중대한 경범죄입니다)."
    ),
    "public_safety": "공공 안전 관련 질문에 '예'라고 답했습니다({items}).",
    "removal_proceedings": "추방 재판(removal proceedings) 기록이 있다고 답했습니다(현재 또는 과거).",
    "removal_order": "최종 추방 명령 또는 자진 출국 명령이 있다고 답했습니다.",
    "detained": "현재 이민 구금 상태입니다.",
    "travel_without_advance_parole": (
        "2012년 8월 15일 이후 사전 여행 허가(Advance Parole) 없이 미국 밖으로 여행했다고 답했습니다"
        "({trips}). 이러한 출국은 계속 거주를 끊으므로 변호사가 검토해야 합니다."
    ),
    "absence_before_2012_08_15": (
        "2012년 8월 15일 전의 부재가 있다고 답했습니다({trips}번 여행). 짧고, 일상적이며, 문제가 없는"
        "(brief, casual and innocent) 부재였는지 변호사가 판단해야 합니다."
    ),
    "trip_not_returned": (
        "평가일까지 돌아온 날짜가 없는 여행이 있습니다({trips}번 여행). DACA를 신청하려면 미국에 있어야 "
        "합니다."
    ),
    "last_arrival_unexplained": (
        "마지막 입국일({date})이 입력된 어느 여행의 귀국일과도 맞지 않습니다. 언제 어떻게 출국하고 "
        "입국했는지 변호사가 확인해야 합니다."
    ),
    "last_entry_not_on_parole": (
        "DACA 승인 후 마지막으로 입국한 날({date})의 체류 신분이 사전 여행 허가(Advance Parole)가 "
        '아닌 "{status}"(으)로 입력되었습니다. 어떻게 출국하고 입국했는지 변호사가 확인해야 합니다.'
    ),
    "residence_outside_us": (
        "현재 거주 국가가 {country}(으)로 입력되었습니다. DACA를 신청하려면 미국에 거주해야 합니다."
    ),
    "current_status_to_review": (
        '현재 체류 신분이 "{status}"(으)로 입력되었습니다. DACA를 신청할 때 합법적인 체류 신분이 '
        "없어야 하므로 변호사가 이 답변을 확인해야 합니다."
    ),
    "texas_work_permit_limited": (
        "텍사스 거주자이며, 이 날짜에 시행 중인 명령이 텍사스 거주자의 DACA 노동 허가를 제한합니다. "
        "I-765 양식을 제출할지와 적용되는 내용을 변호사가 판단하고 설명해야 합니다."
    ),
    "address_abroad": (
        "2007년 6월 15일 이후 미국 밖에 살았던 이전 주소가 있다고 답했습니다({addresses}번 주소). 부재 기간을 "
        "변호사가 검토해야 합니다."
    ),
    "travel_with_advance_parole": (
        "사전 여행 허가(Advance Parole)를 받고 여행했다고 답했습니다. 여행마다 사전 여행 허가 서류와 "
        "I-94 사본을 준비하세요."
    ),
    "daca_terminated": "DACA가 종료되었습니다. 새 신청은 최초 신청이 되며, 종료 사유를 변호사가 검토해야 합니다.",
    "daca_lapsed": "DACA가 {date}에 만료되었습니다(만료된 지 1년 미만). 갱신으로 신청할 수 있지만 공백 기간을 검토해야 합니다.",
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
        "이 날짜 기준 수수료: I-821D ${i821d}, I-765 종이 신청 ${i765_paper} 또는 온라인 신청 "
        "${i765_online}. 각각 따로 납부합니다."
    ),
}

CONTRADICTIONS: dict[str, str] = {
    "trip_returns_before_departing": "{n}번 여행의 귀국일이 출국일보다 앞섭니다",
    "trip_departs_after_evaluation": "{n}번 여행의 출국일이 평가일보다 뒤입니다",
    "arrival_before_birth": "처음 입국한 날이 생년월일보다 앞섭니다",
    "arrival_after_evaluation": "처음 입국한 날이 평가일보다 뒤입니다",
    "born_after_evaluation": "생년월일이 평가일보다 뒤입니다",
    "not_granted_but_history": "DACA를 받은 적이 없다고 했지만 DACA 만료일이나 종료가 입력되어 있습니다",
    "request_type_mismatch": "신청 유형이 {stated}(으)로 입력되었지만 DACA 이력상 {computed} 신청입니다",
    "renewal_fails_guideline": "이전에 DACA를 받았지만 답변이 DACA 요건 중 하나를 충족하지 않습니다(이유 참조)",
    "residence_yes_arrival_after_2007": "2007년 6월 15일부터 계속 거주했다고 했지만 처음 입국한 날이 그날보다 뒤입니다",
    "presence_yes_arrival_after": "2012년 6월 15일에 미국에 있었다고 했지만 처음 입국한 날이 그날보다 뒤입니다",
    "presence_yes_trip_covers": "2012년 6월 15일에 미국에 있었다고 했지만 {n}번 여행 기간에 그날이 포함됩니다",
    "presence_no_no_trip": "2012년 6월 15일에 미국에 없었다고 했지만 그날이 포함된 여행이 입력되어 있지 않습니다",
    "before16_yes_arrival_age": "만 16세 생일 전에 와서 거주하기 시작했다고 했지만 처음 입국한 때의 나이가 만 {age}세입니다",
    "before16_no_arrival_under_16": "만 16세 생일 전에 와서 거주하기 시작하지 않았다고 했지만 처음 입국한 때의 나이가 만 {age}세입니다. 거주를 시작한 때를 알아봐야 합니다",
    "lawful_yes_i94_ended": "2012년 6월 15일에 합법적인 체류 신분이 있었다고 했지만 I-94의 체류 허가 기간은 {date}에 끝났습니다",
    "lawful_no_i94_ran": "2012년 6월 15일에 합법적인 체류 신분이 없었다고 했지만 I-94의 체류 허가 기간은 {date}까지였습니다",
    "lawful_yes_status_described": "2012년 6월 15일에 합법적인 체류 신분이 있었다고 했지만 그날의 상황이 '{status}'(으)로 입력되어 있습니다",
    "veteran_not_served": "교육 요건을 명예 제대로 답했지만 군 복무 기록이 없습니다",
    "veteran_discharge_type": "교육 요건을 명예 제대로 답했지만 제대 유형이 '{kind}'(으)로 입력되어 있습니다",
    "last_arrival_before_first": "마지막 입국일이 처음 입국한 날보다 앞섭니다",
    "last_arrival_after_evaluation": "마지막 입국일이 평가일보다 뒤입니다",
    "last_arrival_before_trip": "마지막 입국일이 {n}번 여행의 귀국일보다 앞섭니다",
    "departure_no_trip_without_parole": "2012년 8월 15일부터 사전 여행 허가 없이 출국한 적이 없다고 했지만 {n}번 여행은 사전 여행 허가 없이 다녀왔습니다",
    "address_abroad_residence_yes": "2007년 6월 15일부터 계속 거주했다고 했지만 그날 이후의 이전 주소 중 {n}번 주소가 {country}에 있습니다",
}

FACTS: dict[str, str] = {
    "dob": "생년월일",
    "daca.ever_granted": "이전에 DACA를 받았는지 여부",
    "daca.expires": "DACA 만료일",
    "daca.terminated": "DACA가 종료되었는지 여부",
    "removal.status": "추방 재판 여부",
    "detention.current": "현재 이민 구금 여부",
    "residence.country": "현재 거주 국가",
    "residence.continuous_since_2007": "2007년 6월 15일부터 계속 거주했는지 여부",
    "arrival.last_date": "마지막 입국일",
    "departure.without_parole_since_2012_08_15": "2012년 8월 15일부터 사전 여행 허가 없이 출국했는지 여부",
    "travel": "미국 밖으로의 여행",
    "criminal": "체포, 기소, 유죄 판결",
    "safety": "공공 안전 질문({what})",
    "i94_stay_expires": "I-94의 체류 허가 기간이 끝난 날",
    "arrival.date": "처음 입국한 날",
    "arrival.before_age_16": "만 16세 생일 전에 와서 거주하기 시작했는지 여부",
    "presence.2012_06_15": "2012년 6월 15일에 미국에 있었는지 여부",
    "status.lawful_on_2012_06_15": "2012년 6월 15일의 합법적 체류 신분 여부",
    "education.status": "교육",
    "military.discharge_type": "제대 유형",
    "travel[].departed": "{n}번 여행: 출국일",
    "travel[]": "{numbers}번 여행",
    "travel[].not_listed": "답했지만 여행 목록에 없음: 여행 페이지에 추가하세요",
    "travel[].advance_parole": "{n}번 여행: 사전 여행 허가",
    "criminal[]": "{n}번 기록({kinds})",
}

LABELS: dict[str, dict[str, str]] = {
    # a screening code's short name, as a heading of the counts (CSV, XLSX, PDF)
    "flag": {
        "criminal_history": "범죄 기록",
        "criminal_felony": "중범죄",
        "criminal_significant_misdemeanor": "중대한 경범죄",
        "criminal_three_misdemeanors": "경범죄 세 건 이상",
        "criminal_pending": "진행 중인 형사 사건",
        "criminal_possible_significant_misdemeanor": "중대한 경범죄일 수 있음",
        "public_safety": "공공 안전 질문에 '예'",
        "removal_proceedings": "추방 절차",
        "removal_order": "추방 명령",
        "detained": "이민 구금 중",
        "travel_without_advance_parole": "사전 여행 허가 없는 여행",
        "travel_with_advance_parole": "사전 여행 허가로 한 여행",
        "absence_before_2012_08_15": "2012년 8월 15일 이전 부재",
        "trip_not_returned": "돌아오지 않은 여행",
        "last_arrival_unexplained": "마지막 입국 설명 없음",
        "last_entry_not_on_parole": "마지막 입국이 사전 여행 허가가 아님",
        "residence_outside_us": "미국 밖 거주",
        "address_abroad": "해외 주소",
        "current_status_to_review": "현재 이민 신분 검토 필요",
        "daca_terminated": "DACA 종료됨",
        "daca_lapsed": "DACA 만료(1년 이내)",
        "daca_expired_over_one_year": "DACA 만료 후 1년 이상 지남",
        "renewal_before_window": "신청 기간 전 갱신",
        "renewal_after_window": "신청 기간 후 갱신",
        "initial_not_decided": "최초 신청 심사 중단",
        "initial_not_accepted": "최초 신청 접수 안 함",
        "texas_work_permit_limited": "텍사스 취업 허가 제한",
        "continuous_residence_not_confirmed": "계속 거주 확인 안 됨",
        "education_not_met": "교육 요건 미충족",
        "missing_facts": "빠진 사실",
        "contradiction": "답변이 서로 맞지 않음",
        "leap_day_birthday": "2월 29일 생일",
        "fees": "수수료",
    },
    "request_type": {"renewal": "갱신", "initial": "최초"},
    "status_2012": {
        "no_lawful_status": "합법적 체류 신분 없음",
        "status_expired": "체류 신분 만료",
        "parole_expired": "임시 입국 허가(parole) 만료",
    },
    "discharge": {
        "honorable": "명예 제대",
        "general": "일반 제대(명예로운 조건)",
        "other_than_honorable": "불명예에 준하는 제대(other than honorable)",
        "bad_conduct": "품행 불량 제대",
        "dishonorable": "불명예 제대",
        "entry_level_separation": "입대 초기 전역(entry-level separation)",
        "clemency": "사면 제대(clemency discharge)",
        "not_applicable": "해당 없음",
    },
    "safety": {
        "terrorism": "테러",
        "gang": "갱단 가입",
        "torture_genocide_trafficking": "고문, 집단 학살 또는 인신매매",
        "killing": "사람을 죽인 일",
        "severe_injury": "사람에게 중상을 입힌 일",
        "forced_sexual_contact": "강제적인 성적 접촉",
        "child_soldier_recruit": "소년병 모집",
        "child_soldier_use": "소년병 이용",
    },
    "offense": {
        "dui": "음주·약물 운전",
        "domestic_violence": "가정 폭력",
        "sexual_abuse": "성적 학대 또는 착취",
        "burglary": "주거 침입 절도(burglary)",
        "firearm": "총기의 불법 소지 또는 사용",
        "drug_distribution": "마약 판매 또는 밀매",
    },
}

OFFENSE_WORDS: dict[str, tuple[str, ...]] = {
    "dui": (
        "음주운전",
        "음주 운전",
        "만취운전",
        "약물운전",
        "약물 운전",
        "음주측정",
        "혈중알코올",
        "혈중 알코올",
    ),
    "domestic_violence": (
        "가정폭력",
        "가정 폭력",
        "배우자 폭행",
        "가족 폭행",
        "데이트 폭력",
        "가정내 폭력",
    ),
    "sexual_abuse": (
        "성폭력",
        "성폭행",
        "성추행",
        "성범죄",
        "성적 학대",
        "성 착취",
        "성착취",
        "강간",
        "아동 음란물",
    ),
    "burglary": ("주거침입", "주거 침입", "침입 절도", "침입절도", "빈집털이", "가택 침입"),
    "firearm": ("총기", "권총", "소총", "엽총", "무기 소지", "불법 무기"),
    "drug_distribution": (
        "마약 판매",
        "마약판매",
        "마약 유통",
        "마약유통",
        "마약 밀매",
        "마약밀매",
        "마약 거래",
        "판매 목적",
        "유통 목적",
        "판매",
        "밀매",
        "마약 운반",
        "필로폰 판매",
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
    "request_type_open": "아직 알 수 없음: DACA를 받은 적이 있는지와 만료일에 따라 정해집니다",
    "outcome": "선별 결과",
    "window": "신청 기간: {opens} 시작, {closes} 종료, DACA 만료일 {expires}",
    "reasons": "이유",
    "flags": "변호사 검토 사항",
    "notices": "안내",
    "disclaimer": "이 결과는 변호사 검토를 준비하기 위한 선별이며 법률 자문이 아닙니다.",
}
