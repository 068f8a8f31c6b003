# ruff: noqa: E501 - translated text: Hangul counts double width
"""What the app says about a failure, in Korean (read by :mod:`clinic.messages`; the file's
name is the language's code). Keys are the English templates; values keep their placeholders."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "Volunteers' work only: returns and approvals are attorneys' work, counted in the total. A person two of them worked with counts in each of their rows and once in the total, so the rows can add up to more.": "자원봉사자의 작업만 포함합니다. 반려와 승인은 변호사의 작업이며 합계에 포함됩니다. 두 사람이 함께 도운 사람은 각자의 행에 한 번씩, 합계에는 한 번 셉니다. 그래서 행의 합이 합계보다 클 수 있습니다.",
    "Last checked against its sources on {date}.": "{date}에 출처와 대조해 마지막으로 확인했습니다.",
    "Request type not known yet": "신청 유형 아직 모름",
    # the counts' exports (clinic.reports.export)
    "Breakdown": "구분",
    "Day, site, language or volunteer": "날짜, 장소, 언어 또는 자원봉사자",
    "People served": "도움받은 사람",
    "Informed (inquiries)": "정보 안내(문의)",
    "Screened": "선별",
    "Referred to an attorney": "변호사 의뢰",
    "Packets prepared": "준비된 서류 묶음",
    "Packets returned by an attorney": "변호사가 돌려보낸 서류 묶음",
    "Packets approved": "승인된 서류 묶음",
    "Records closed": "종결된 기록",
    "Served": "도움",
    "Informed": "안내",
    "Referred": "의뢰",
    "Packets": "서류 묶음",
    "Returned": "반려",
    "Approved": "승인",
    "Closed": "종결",
    "Screened: {outcome}": "선별: {outcome}",
    "Renewal requests": "갱신 신청",
    "Initial requests": "최초 신청",
    "{kind} requests": "{kind} 신청",
    "Flag: {flag}": "표시: {flag}",
    "Other staff": "기타 직원",
    "(not recorded)": "(기록 없음)",
    "Total": "합계",
    "By day": "날짜별",
    "By site": "장소별",
    "By language": "언어별",
    "By volunteer": "자원봉사자별",
    "Day": "날짜",
    "Site": "장소",
    "Language": "언어",
    "Volunteer": "자원봉사자",
    "{start} to {end}": "{start} ~ {end}",
    "Count": "항목",
    "Records": "기록 수",
    "Screened, referred and packets per day": "날짜별 선별, 의뢰, 서류 묶음",
    "Screened, referred and packets by site": "장소별 선별, 의뢰, 서류 묶음",
    "Screened, referred and packets by language": "언어별 선별, 의뢰, 서류 묶음",
    "Screened, referred and packets by volunteer": "자원봉사자별 선별, 의뢰, 서류 묶음",
    "Per day": "날짜별",
    "Per site": "장소별",
    "Per language": "언어별",
    "Per volunteer (volunteers' work)": "자원봉사자별(자원봉사자의 작업)",
    "ClinicDay counts: de-identified tallies only, no personal data": "ClinicDay 집계: 비식별 집계만 있으며 개인 정보는 없습니다",
    "{site}: clinic counts": "{site}: 클리닉 집계",
    "Clinic counts": "클리닉 집계",
    "Period: {period}": "기간: {period}",
    "Each number counts people (records) once.": "각 숫자는 사람(기록)을 한 번씩 셉니다.",
    "Totals": "합계",
    "Page {page}": "{page}쪽",
    "{lang} is not a staff language": "{lang}은(는) 직원 언어가 아닙니다",
    (
        "only a user who keeps the organization's key may do this: keep the org key file on "
        "this laptop first (Settings > Sync > Keep the org key on this laptop)"
    ): (
        "조직 키를 보관한 사용자만 할 수 있습니다. 먼저 이 노트북에 조직 키 파일을 보관하세요(설정 > 동기화 > 이 노트북에 조직 키 보관)"
    ),
    (
        "this laptop was enrolled before events were signed: enroll it again with a new code "
        "(Settings > Sync > Enroll this laptop); nothing is lost"
    ): (
        "이 노트북은 이벤트 서명이 도입되기 전에 등록되었습니다. 새 코드로 다시 등록하세요(설정 > 동기화 > 이 노트북 등록). 잃는 것은 없습니다"
    ),
    (
        "enrollment refused: the code is not signed by the organization ({why}); nothing was "
        "kept (ask the coordinator for a new code)"
    ): (
        "등록 거부: 코드에 조직의 서명이 없습니다({why}). 아무것도 저장되지 않았습니다(코디네이터에게 새 코드를 요청하세요)"
    ),
    (
        "a code is signed by the organization: keep the org key file on this laptop first "
        "(Settings > Sync > Keep the org key on this laptop)"
    ): (
        "코드에는 조직의 서명이 들어갑니다. 먼저 이 노트북에 조직 키 파일을 보관하세요(설정 > 동기화 > 이 노트북에 조직 키 보관)"
    ),
    "In force since {date}. Source (its citations are in English): {source}": (
        "{date}부터 시행. 출처(인용은 영어로 되어 있습니다): {source}"
    ),
    "signed out: sign in again to continue": "로그아웃되었습니다. 계속하려면 다시 로그인하세요",
    "a {role} may not {action} a packet": "{role} 역할은 패킷에 대해 다음 작업을 할 수 없습니다: {action}",
    "a {role} may not {what}": "{role} 역할은 다음을 할 수 없습니다: {what}",
    "an {role} may not {what}": "{role} 역할은 다음을 할 수 없습니다: {what}",
    "record {record} has no packet to review": "기록 {record}에는 검토할 패킷이 없습니다",
    "packet {packet} is already approved": "패킷 {packet}은(는) 이미 승인되었습니다",
    "a comment needs text": "의견에는 내용이 있어야 합니다",
    "a newer packet was built since you opened this one: open the person again": "이 패킷을 연 뒤에 새 패킷이 만들어졌습니다. 이 사람을 다시 여세요",
    "the answers changed since the last screening ({when}): screen this person again before building a packet": "마지막 선별({when}) 이후 답변이 바뀌었습니다. 패킷을 만들기 전에 이 사람을 다시 선별하세요",
    "record {record} has no packet yet: build one first": "기록 {record}에는 아직 패킷이 없습니다. 먼저 패킷을 만드세요",
    "the passphrase is empty": "암호 문구가 비어 있습니다",
    "the new passphrase is too easy to guess (common words, names, dates or patterns); use a few unrelated words": "새 암호 문구는 너무 쉽게 추측할 수 있습니다(흔한 단어, 이름, 날짜 또는 패턴). 서로 관계없는 단어 몇 개를 쓰세요",
    "the new passphrase is too short (at least {count} characters)": "새 암호 문구가 너무 짧습니다(최소 {count}자)",
    "wrong passphrase": "암호 문구가 틀렸습니다",
    "1 problem in the answers: {details}": "답변에 문제 1개: {details}",
    "{count} problems in the answers: {details}": "답변에 문제 {count}개: {details}",
    "{count} problem(s) in the answers; nothing was stored:": "답변에 문제 {count}개가 있어 아무것도 저장하지 않았습니다:",
    "this laptop is not enrolled: run 'clinic sync enroll' first": "이 노트북은 등록되지 않았습니다. 먼저 'clinic sync enroll'을 실행하세요",
    "the server at {server} cannot be reached ({kind}); everything stays queued on this laptop": "{server} 서버에 연결할 수 없습니다({kind}). 모든 내용은 이 노트북에 대기 중으로 남아 있습니다",
    "the server refused ({status}): {detail}": "서버가 거부했습니다({status}): {detail}",
    "internal error ({kind})": "내부 오류({kind})",
    "nothing was changed by the failed step": "실패한 단계로 바뀐 것은 없습니다",
    "wrong user name or passphrase": "사용자 이름 또는 암호 문구가 틀렸습니다",
    "user {name} is disabled": "사용자 {name}은(는) 사용 중지되었습니다",
    "user {name} already exists": "사용자 {name}이(가) 이미 있습니다",
    "you cannot disable yourself": "자기 자신은 사용 중지할 수 없습니다",
    "the last admin cannot be disabled": "마지막 관리자는 사용 중지할 수 없습니다",
    # problems with an answer (clinic/domain/answers.py), shown under its box
    "must contain letters": "글자가 있어야 합니다",
    "must contain only letters, spaces, hyphens, apostrophes and periods": "글자, 공백, 하이픈, 아포스트로피, 마침표만 쓸 수 있습니다",
    "must be a date written as text (YYYY-MM-DD)": "날짜를 글자로 써야 합니다(YYYY-MM-DD)",
    "not a real date (expected YYYY-MM-DD)": "실제 날짜가 아닙니다(YYYY-MM-DD 형식)",
    "must be true or false": "예 또는 아니요여야 합니다",
    "write thousands without dots (32000 or 32,000), and cents after a dot (32000.50)": (
        "천 단위에 점을 쓰지 마세요(32000 또는 32,000). 센트는 점 뒤에 쓰세요(32000.50)"
    ),
    "must be a number": "숫자여야 합니다",
    "must be a finite number": "유한한 숫자여야 합니다",
    "must be a whole number": "정수여야 합니다",
    "must be between {low} and {high}": "{low}에서 {high} 사이여야 합니다",
    "must be at least {low}": "{low} 이상이어야 합니다",
    "must be at most {high}": "{high} 이하여야 합니다",
    "too long (at most {n} characters)": "너무 깁니다(최대 {n}자)",
    "not a U.S. state, DC, territory or military code (2 letters, e.g. CA)": "미국 주, DC, 준주 또는 군 우편 코드가 아닙니다(영문 2자, 예: CA)",
    "not a ZIP code (expected 12345 or 12345-6789)": "우편번호(ZIP)가 아닙니다(12345 또는 12345-6789 형식)",
    "not a 10-digit U.S. phone number": "10자리 미국 전화번호가 아닙니다",
    "not an email address": "이메일 주소가 아닙니다",
    "not a Social Security number (expected 123-45-6789 or 9 digits)": "사회보장번호가 아닙니다(123-45-6789 또는 9자리 숫자)",
    "not an A-Number (expected 7 to 9 digits, optionally starting with A)": "A-번호가 아닙니다(7~9자리 숫자, 앞에 A를 붙여도 됨)",
    "not a USCIS online account number (expected 12 digits)": "USCIS 온라인 계정 번호가 아닙니다(12자리 숫자)",
    "{where}: {problem}": "{where}: {problem}",
    "row {row}: {problem}": "{row}번째 줄: {problem}",
    "row {row}, {column}: {problem}": "{row}번째 줄, {column}: {problem}",
    "is after today ({day})": "오늘({day})보다 늦은 날짜입니다",
    "not in English letters: write an English version": "영문자가 아닙니다: 영어로 다시 적어 주세요",
    "reads as Spanish, not English: write an English version": "영어가 아니라 스페인어입니다: 영어로 다시 적어 주세요",
    'is the country\'s name in another language: the forms take English ("{english}")': '다른 언어로 쓴 국가 이름입니다: 양식에는 영어로 적습니다("{english}")',
    "{form} {item} ({where}): {reason}": "{form} {item} ({where}): {reason}",
    "{n} value(s) the forms cannot take; no packet was written:": "양식에 들어갈 수 없는 값 {n}개; 서류 묶음을 만들지 않았습니다:",
}
