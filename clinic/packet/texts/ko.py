"""The packet documents' texts in Korean: the document checklist's title, sections and
items (read by :mod:`clinic.packet.texts`; the file's name is the language's code)."""

from __future__ import annotations

# the titles of the documents
TITLES: dict[str, str] = {
    "checklist": "가져오실 서류와 첨부 서류",
}

# the checklist's sections
SECTIONS: dict[str, str] = {
    "everyone": "모든 신청자",
    "renewal": "갱신 신청",
    "initial": "최초 신청",
    "criminal": "체포, 기소 및 유죄 판결",
    "removal": "추방 재판",
    "travel": "미국 밖 여행",
    "fees": "수수료",
    "optional": "선택 사항",
}

# the checklist's items ({what}: the court case, {dates}: the trip, {form}: the form)
ITEMS: dict[str, str] = {
    "identity": "사진이 있는 신분증: 여권, 국가 신분증 또는 영사관 신분증",
    "photos": "동일한 여권 규격 사진 2장 (2 x 2 인치)",
    "ead": "현재 또는 가장 최근의 노동 허가증(EAD) 앞면과 뒷면 사본",
    "approval": "이전 DACA 승인 통지서(I-797 양식) 사본",
    "arrival": "만 16세 생일 전에 미국에 입국했다는 증거",
    "residence": (
        "2007년 6월 15일부터 계속 미국에 거주했다는 증거 (학교, 병원, 직장 또는 임대 기록)"
    ),
    "presence": "2012년 6월 15일에 미국에 있었다는 증거",
    "removal": "추방 재판 관련 서류 (통지서, 이민 판사의 명령)",
    "g1145": "G-1145 양식: USCIS가 신청서를 접수하면 이메일이나 문자로 알림 받기 (선택)",
    "court": "법원 기록 (최종 처분 인증 사본){what}",
    "trip_advance_parole": "{dates} 여행의 사전 여행 허가(Advance Parole) 서류와 I-94",
    "trip": "{dates} 여행 관련 서류 (여권 도장, I-94, 사전 여행 허가가 있다면 그 서류)",
    "fee": "{form} 양식 수수료: 따로 냅니다(내는 방법은 표지 참조)",
    "worksheet": (
        "I-765WS 양식(워크시트): 답변지를 보고 작성하여 서명합니다. "
        "uscis.gov/i-765ws에서 내려받으세요"
    ),
}

# the proof of education the checklist asks for, by education.status
EDUCATION: dict[str, str] = {
    "in_school": "현재 재학 증명 (학교의 서신 또는 성적 증명서)",
    "high_school_diploma": "고등학교 졸업장 또는 성적 증명서",
    "ged": "GED (고등학교 학력 인정) 증명서",
    "certificate_of_completion": "미국 고등학교 수료 증명서",
    "honorably_discharged_veteran": "명예 제대 증명 (예: DD-214 또는 NGB-22 양식)",
    "unknown": "학력 증명 (재학, 졸업장, GED 또는 명예 제대)",
}

# the take-home sheet: what the client keeps (no SSN or A-Number on it)
TAKE_HOME: dict[str, str] = {
    "title": "DACA 신청: 오늘 준비한 내용",
    "prepared": "{name} 님을 위해 {date}에 준비함",
    "what": "준비한 서류",
    "forms_renewal": "DACA 갱신 신청서(I-821D 양식)와 노동 허가 신청서(I-765 양식)",
    "forms_initial": "DACA 신청서(I-821D 양식)와 노동 허가 신청서(I-765 양식)",
    "forms_unknown": "DACA 신청서(I-821D 양식)와 노동 허가 신청서(I-765 양식)",
    "next": "다음 단계",
    "review": (
        "변호사가 서류를 검토합니다. 변호사가 승인했다고 클리닉이 알려 주면 표지에 적힌 곳에 "
        "서명하고 우편으로 보내세요. 그 전에는 보내지 마세요."
    ),
    "fees": "수수료와 납부 방법",
    "fees_paper": (
        "수수료는 각각 따로, 수수료마다 납부 양식 1장으로 냅니다. USCIS는 이 양식들에 대해 "
        "수표나 머니오더를 받지 않습니다."
    ),
    "mail": "보낼 곳",
    "mail_where": (
        "서명한 서류 묶음을 uscis.gov/i-821d-addresses에 나온 본인 주(州)의 USCIS 주소로 "
        "보내세요. 보내는 서류는 모두 사본을 보관하세요."
    ),
    "after": "보낸 뒤에는",
    "receipt": (
        "USCIS가 접수증(I-797C 양식)을 보내고, 이어서 지문과 사진을 위한 예약 통지를 "
        "보냅니다. 예약일에 통지서와 신분증을 가지고 가세요."
    ),
    "address": "이사하면 USCIS에 새 주소를 알리세요(uscis.gov/addresschange).",
    "window": (
        "DACA 만료일은 {expires}입니다. 갱신 신청은 {opens}부터 할 수 있으며, 노동 허가가 "
        "끊기지 않도록 {closes}까지 신청하세요."
    ),
    "window_late": (
        "DACA 만료일은 {expires}입니다. USCIS가 권장하는 갱신 신청 기간은 {closes}에 끝났습니다. "
        "변호사가 승인하는 대로 바로 이 신청서를 우편으로 보내세요."
    ),
    "window_lapsed": (
        "DACA가 {expires}에 만료되었습니다. 변호사가 승인하는 대로 바로 이 신청서를 우편으로 "
        "보내세요. USCIS가 결정할 때까지는 DACA와 노동 허가가 없습니다."
    ),
    "bring": "준비할 것",
    "bring_list": "이 서류 묶음에 있는 서류 목록(Document checklist)의 서류.",
    "contact": "클리닉 연락처",
    "contact_line": "{who}",
    "disclaimer": (
        "이 안내문은 절차를 설명할 뿐 법률 자문이 아닙니다. 본인 사안은 클리닉 변호사에게 "
        "문의하세요."
    ),
}
