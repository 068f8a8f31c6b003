<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>AddUserDialog</name>
    <message>
        <source>Add a user</source>
        <translation>사용자 추가</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>사용자 이름(&amp;U):</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>역할(&amp;R):</translation>
    </message>
    <message>
        <source>&amp;Passphrase (12 characters or more):</source>
        <translation>암호 문구(12자 이상)(&amp;P):</translation>
    </message>
    <message>
        <source>The passphrase &amp;again:</source>
        <translation>암호 문구 다시(&amp;A):</translation>
    </message>
    <message>
        <source>They can change it after they first sign in.</source>
        <translation>처음 로그인한 뒤 바꿀 수 있습니다.</translation>
    </message>
    <message>
        <source>Write the user name.</source>
        <translation>사용자 이름을 쓰세요.</translation>
    </message>
    <message>
        <source>The two passphrases differ: type it again.</source>
        <translation>두 암호 문구가 다릅니다. 다시 입력하세요.</translation>
    </message>
</context>
<context>
    <name>AutomapReview</name>
    <message>
        <source>Check the drafted form pack</source>
        <translation>양식 팩 초안 확인</translation>
    </message>
    <message>
        <source>%1 for %2: %3. Check every line against the PDF (each field&apos;s item on the form and the answer it takes); edit the file %4 if a line is wrong, then confirm. Packets use this pack only after you confirm.</source>
        <translation>%2용 %1: %3. 모든 줄을 PDF와 대조하여 확인하세요(각 필드가 양식의 어느 항목에 해당하며 어떤 답변이 들어가는지). 잘못된 줄이 있으면 %4 파일을 수정한 뒤 확정하세요. 서류 묶음은 확정한 뒤에만 이 양식 팩을 사용합니다.</translation>
    </message>
    <message>
        <source>I &amp;checked every line against the PDF</source>
        <translation>모든 줄을 PDF와 대조하여 확인했습니다(&amp;C)</translation>
    </message>
    <message>
        <source>C&amp;onfirm and install</source>
        <translation>확정 및 설치(&amp;O)</translation>
    </message>
</context>
<context>
    <name>BoardPage</name>
    <message>
        <source>Search: name, A-Number, birth date, or family name and birth date</source>
        <translation>검색: 이름, A-번호, 생년월일 또는 성과 생년월일</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>검색(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Every day</source>
        <translation>모든 날짜(&amp;E)</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>새로 고침(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New person…</source>
        <translation>새 대상자(&amp;N)…</translation>
    </message>
    <message>
        <source>Ne&amp;xt person</source>
        <translation>다음 사람(&amp;X)</translation>
    </message>
    <message>
        <source>Open the person who has waited longest (check-in, then screening, then forms)</source>
        <translation>가장 오래 기다린 사람을 엽니다(접수, 선별, 서류 작성 순)</translation>
    </message>
    <message>
        <source>Log an &amp;inquiry…</source>
        <translation>문의 기록(&amp;I)…</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1분</translation>
    </message>
    <message>
        <source>Name, A-Number or birth date</source>
        <translation>이름, A-번호 또는 생년월일</translation>
    </message>
    <message>
        <source>Under each name: when they arrived · minutes since their last step · who took it. Open a person with Enter or a double-click. ↩ marks a packet an attorney returned with comments; ⚠ marks answers edited on two laptops at once; ≈ marks someone who may also be checked in on another laptop.</source>
        <translation>이름 아래: 도착 시각 · 마지막 단계 이후 분 · 그 단계를 맡은 사람. Enter 키를 누르거나 두 번 클릭하여 대상자를 여세요. ↩ 표시는 변호사가 의견과 함께 반려한 서류 묶음이고, ⚠ 표시는 두 노트북에서 동시에 수정된 답변이며, ≈ 표시는 다른 노트북에서도 접수되었을 수 있는 사람입니다.</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>접수</translation>
    </message>
    <message>
        <source>Screening</source>
        <translation>선별</translation>
    </message>
    <message>
        <source>Forms</source>
        <translation>양식 작성</translation>
    </message>
    <message>
        <source>Attorney review</source>
        <translation>변호사 검토</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>Returned by the attorney: read the comments</source>
        <translation>변호사가 반려함: 의견을 읽어 보세요</translation>
    </message>
    <message>
        <source>May be the same person as someone on another laptop</source>
        <translation>다른 노트북에 있는 사람과 같은 사람일 수 있습니다</translation>
    </message>
    <message>
        <source>Records that cannot be opened: %1</source>
        <translation>열 수 없는 기록: %1</translation>
    </message>
    <message>
        <source>Nobody matches that search.</source>
        <translation>검색과 일치하는 사람이 없습니다.</translation>
    </message>
    <message>
        <source>Inquiry counted.</source>
        <translation>문의를 집계했습니다.</translation>
    </message>
    <message>
        <source>same A-Number</source>
        <translation>같은 A-번호</translation>
    </message>
    <message>
        <source>same SSN</source>
        <translation>같은 사회보장번호</translation>
    </message>
    <message>
        <source>same family name and birth date</source>
        <translation>같은 성과 생년월일</translation>
    </message>
    <message>
        <source>This may be someone already here</source>
        <translation>이미 접수된 사람일 수 있습니다</translation>
    </message>
    <message>
        <source>This person looks like someone already in this clinic:
%1</source>
        <translation>이 대상자는 이 클리닉에 이미 있는 사람과 비슷합니다:
%1</translation>
    </message>
    <message>
        <source>Open the existing person</source>
        <translation>기존 대상자 열기</translation>
    </message>
    <message>
        <source>Check in as a new person</source>
        <translation>새 대상자로 접수</translation>
    </message>
</context>
<context>
    <name>CheckDialog</name>
    <message>
        <source>Check this laptop&apos;s data</source>
        <translation>이 노트북의 데이터 확인</translation>
    </message>
    <message>
        <source>Check &amp;again</source>
        <translation>다시 확인(&amp;A)</translation>
    </message>
    <message>
        <source>The check changed nothing. Tell your coordinator before going on, and do not delete or copy over the clinic&apos;s folder: the records that are intact can still be exported.</source>
        <translation>확인은 아무것도 바꾸지 않았습니다. 계속하기 전에 코디네이터에게 알리고, 클리닉 폴더를 지우거나 덮어쓰지 마세요. 손상되지 않은 기록은 여전히 내보낼 수 있습니다.</translation>
    </message>
    <message>
        <source>Checking the database, every record and the audit log on this laptop…</source>
        <translation>이 노트북의 데이터베이스, 모든 기록과 감사 기록을 확인하는 중…</translation>
    </message>
    <message>
        <source>All checks passed: the database, every record and the audit log on this laptop are intact.</source>
        <translation>모든 확인을 통과했습니다. 이 노트북의 데이터베이스, 모든 기록과 감사 기록이 온전합니다.</translation>
    </message>
    <message>
        <source>The check found %1 problem(s) in this laptop&apos;s data:</source>
        <translation>이 노트북의 데이터에서 문제 %1개를 찾았습니다:</translation>
    </message>
    <message>
        <source>The check could not run: %1</source>
        <translation>확인을 실행할 수 없습니다: %1</translation>
    </message>
</context>
<context>
    <name>ClinicWindow</name>
    <message>
        <source>ClinicDay</source>
        <translation>ClinicDay</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>잠금(&amp;L)</translation>
    </message>
    <message>
        <source>Lock now and drop the keys (Ctrl+L)</source>
        <translation>지금 잠그고 암호화 키를 지웁니다(Ctrl+L)</translation>
    </message>
    <message>
        <source>&amp;Lock now</source>
        <translation>지금 잠그기(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Quit ClinicDay</source>
        <translation>ClinicDay 종료(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>계정(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Change my passphrase…</source>
        <translation>내 암호 문구 바꾸기(&amp;C)…</translation>
    </message>
    <message>
        <source>My &amp;profile…</source>
        <translation>내 프로필(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Reset a user&apos;s passphrase…</source>
        <translation>사용자 암호 문구 재설정(&amp;R)…</translation>
    </message>
    <message>
        <source>T&amp;ools</source>
        <translation>도구(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Check this laptop&apos;s data…</source>
        <translation>이 노트북의 데이터 확인(&amp;C)…</translation>
    </message>
    <message>
        <source>%1 (%2) at %3</source>
        <translation>%1 (%2) · %3</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>오늘(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Person</source>
        <translation>대상자(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>검토(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Counts</source>
        <translation>집계(&amp;C)</translation>
    </message>
    <message>
        <source>Settin&amp;gs</source>
        <translation>설정(&amp;G)</translation>
    </message>
    <message>
        <source>Building the demo clinic (made-up people)…</source>
        <translation>데모 클리닉을 만드는 중입니다(가상의 인물)…</translation>
    </message>
    <message>
        <source>Signed in. The data on this laptop is encrypted.</source>
        <translation>로그인했습니다. 이 노트북의 데이터는 암호화되어 있습니다.</translation>
    </message>
    <message>
        <source>Locked. The keys were dropped.</source>
        <translation>잠겼습니다. 암호화 키를 지웠습니다.</translation>
    </message>
</context>
<context>
    <name>CountsPage</name>
    <message>
        <source>Informed (inquiries)</source>
        <translation>정보 안내(문의)</translation>
    </message>
    <message>
        <source>Screened</source>
        <translation>선별</translation>
    </message>
    <message>
        <source>Referred to an attorney</source>
        <translation>변호사 의뢰</translation>
    </message>
    <message>
        <source>Packets prepared</source>
        <translation>준비된 서류 묶음</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>시작(&amp;F):</translation>
    </message>
    <message>
        <source>T&amp;o:</source>
        <translation>종료(&amp;O):</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>날짜</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>장소</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>자원봉사자</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>CSV 내보내기(&amp;X)…</translation>
    </message>
    <message>
        <source>Other staff</source>
        <translation>기타 직원</translation>
    </message>
    <message>
        <source>(not recorded)</source>
        <translation>(기록 없음)</translation>
    </message>
    <message>
        <source>&amp;By:</source>
        <translation>기준(&amp;B):</translation>
    </message>
    <message>
        <source>People served</source>
        <translation>도움받은 사람</translation>
    </message>
    <message>
        <source>Packets returned by an attorney</source>
        <translation>변호사가 돌려보낸 서류 묶음</translation>
    </message>
    <message>
        <source>Packets approved</source>
        <translation>승인된 서류 묶음</translation>
    </message>
    <message>
        <source>Records closed</source>
        <translation>종결된 기록</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>표시(&amp;S)</translation>
    </message>
    <message>
        <source>Export P&amp;DF…</source>
        <translation>PDF 내보내기(&amp;D)…</translation>
    </message>
    <message>
        <source>Export X&amp;LSX…</source>
        <translation>XLSX로 내보내기(&amp;L)…</translation>
    </message>
    <message>
        <source>Counts come from de-identified tallies: no names, numbers or answers. Each person counts once per count.</source>
        <translation>집계는 비식별 집계 자료에서 가져옵니다. 이름, 번호, 답변은 들어 있지 않습니다. 한 사람은 항목마다 한 번만 집계됩니다.</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>기간의 종료일이 시작일보다 앞섭니다.</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>합계</translation>
    </message>
    <message>
        <source>Volunteers&apos; work only: returns and approvals are attorneys&apos; work, counted in the total. Check-ins and screenings by attorneys, coordinators and admins are one row, Other staff. A person two of them worked with counts in each of their rows and once in the total, so the rows can add up to more.</source>
        <translation>자원봉사자의 작업만 포함합니다. 반려와 승인은 변호사의 작업이며 합계에 포함됩니다. 변호사, 코디네이터, 관리자의 접수와 선별은 &apos;기타 직원&apos; 한 행입니다. 두 사람이 함께 도운 사람은 각자의 행에 한 번씩, 합계에는 한 번 셉니다. 그래서 행의 합이 합계보다 클 수 있습니다.</translation>
    </message>
    <message>
        <source>Show the counts first.</source>
        <translation>먼저 집계를 표시하세요.</translation>
    </message>
    <message>
        <source>Export the counts</source>
        <translation>집계 내보내기</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>저장했습니다: %1</translation>
    </message>
</context>
<context>
    <name>EditAnswerDialog</name>
    <message>
        <source>Change an answer</source>
        <translation>답변 변경</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
</context>
<context>
    <name>Inquiries</name>
    <message>
        <source>Renewing DACA</source>
        <translation>DACA 갱신</translation>
    </message>
    <message>
        <source>A first (initial) request</source>
        <translation>최초 신청</translation>
    </message>
    <message>
        <source>Travel and advance parole</source>
        <translation>여행 및 사전 여행 허가</translation>
    </message>
    <message>
        <source>The work permit</source>
        <translation>노동 허가</translation>
    </message>
    <message>
        <source>Fees and fee help</source>
        <translation>수수료 및 수수료 지원</translation>
    </message>
    <message>
        <source>Something else</source>
        <translation>기타</translation>
    </message>
    <message>
        <source>Inquiry (no name kept) · %1</source>
        <translation>문의(이름은 기록하지 않음) · %1</translation>
    </message>
</context>
<context>
    <name>InquiryDialog</name>
    <message>
        <source>Log an inquiry</source>
        <translation>문의 기록</translation>
    </message>
    <message>
        <source>For someone who asked a question and was informed, without screening. Only the language and the topic are kept, for the day&apos;s counts.</source>
        <translation>질문을 하고 안내를 받았지만 선별은 하지 않은 사람을 기록합니다. 그날의 집계를 위해 언어와 주제만 보관합니다.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>언어(&amp;L):</translation>
    </message>
    <message>
        <source>&amp;Topic:</source>
        <translation>주제(&amp;T):</translation>
    </message>
</context>
<context>
    <name>InterviewPage</name>
    <message>
        <source>Client&apos;s lang&amp;uage:</source>
        <translation>대상자의 언어(&amp;U):</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>이전(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>다음(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Finish screening</source>
        <translation>선별 마치기(&amp;F)</translation>
    </message>
    <message>
        <source>Save and &amp;close</source>
        <translation>저장 후 닫기(&amp;C)</translation>
    </message>
    <message>
        <source>Screening so far (updates as you type)</source>
        <translation>지금까지의 선별 결과(입력하는 대로 갱신됩니다)</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>이전 페이지</translation>
    </message>
    <message>
        <source>Store this page and go to the next</source>
        <translation>이 페이지를 저장하고 다음 페이지로 이동합니다</translation>
    </message>
    <message>
        <source>A user of this clinic (%1), or a name</source>
        <translation>이 클리닉의 사용자(%1) 또는 이름</translation>
    </message>
    <message>
        <source>%v of %m required answers</source>
        <translation>필수 답변 %m개 중 %v개</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>%2페이지 중 %1페이지</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>저장하는 중…</translation>
    </message>
    <message>
        <source>Saved (encrypted)</source>
        <translation>저장됨(암호화)</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>저장하지 못했습니다: %1</translation>
    </message>
    <message>
        <source>An address does not fit the forms: see the box marked in red.</source>
        <translation>주소가 양식 칸에 맞지 않습니다. 빨간색으로 표시된 칸을 확인하세요.</translation>
    </message>
    <message>
        <source>Fix the answers marked in red first (%1).</source>
        <translation>빨간색으로 표시된 답변을 먼저 고치세요 (%1).</translation>
    </message>
    <message>
        <source>Left unanswered (required): %1</source>
        <translation>답하지 않고 넘어감(필수): %1</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… 외 %1개</translation>
    </message>
    <message>
        <source>Required answers missing</source>
        <translation>필수 답변 누락</translation>
    </message>
    <message>
        <source>1 required answer is missing:</source>
        <translation>필수 답변 1개가 없습니다:</translation>
    </message>
    <message>
        <source>%1 required answers are missing:</source>
        <translation>필수 답변 %1개가 없습니다:</translation>
    </message>
    <message>
        <source>Screening without them says the person needs attorney review until they are answered.</source>
        <translation>답변 없이 선별하면 답변할 때까지 변호사 검토가 필요하다고 나옵니다.</translation>
    </message>
    <message>
        <source>&amp;Go to the first</source>
        <translation>첫 항목으로 이동(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Finish anyway</source>
        <translation>그래도 마치기(&amp;F)</translation>
    </message>
</context>
<context>
    <name>NewPersonDialog</name>
    <message>
        <source>Check a person in</source>
        <translation>대상자 접수</translation>
    </message>
    <message>
        <source>&amp;Family name:</source>
        <translation>성(&amp;F):</translation>
    </message>
    <message>
        <source>&amp;Given name:</source>
        <translation>이름(&amp;G):</translation>
    </message>
    <message>
        <source>Name in &amp;native script:</source>
        <translation>모국어 문자로 쓴 이름(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Birth date:</source>
        <translation>생년월일(&amp;B):</translation>
    </message>
    <message>
        <source>&amp;Language spoken:</source>
        <translation>사용 언어(&amp;L):</translation>
    </message>
    <message>
        <source>&amp;A-Number (if any):</source>
        <translation>A-번호(있는 경우)(&amp;A):</translation>
    </message>
    <message>
        <source>%1: is after today</source>
        <translation>%1: 오늘 이후 날짜입니다</translation>
    </message>
    <message>
        <source>%1: is before 1900</source>
        <translation>%1: 1900년 이전입니다</translation>
    </message>
    <message>
        <source>%1: needed to check a person in</source>
        <translation>%1: 접수하려면 필요합니다</translation>
    </message>
</context>
<context>
    <name>OsEdge</name>
    <message>
        <source>Look in:</source>
        <translation>찾는 위치:</translation>
    </message>
    <message>
        <source>File name:</source>
        <translation>파일 이름:</translation>
    </message>
    <message>
        <source>Files of type:</source>
        <translation>파일 형식:</translation>
    </message>
</context>
<context>
    <name>PacketViewer</name>
    <message>
        <source>Fit width</source>
        <translation>너비에 맞춤</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>축소</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>확대</translation>
    </message>
    <message>
        <source>No packet yet.</source>
        <translation>아직 서류 묶음이 없습니다.</translation>
    </message>
    <message>
        <source>Packet %1: approved by an attorney and locked.</source>
        <translation>서류 묶음 %1: 변호사가 승인했으며 잠겨 있습니다.</translation>
    </message>
    <message>
        <source>Packet %1 was approved, then an answer changed: the approval no longer holds and every page is marked DRAFT. Build the packet again for the attorney.</source>
        <translation>서류 묶음 %1은(는) 승인된 뒤 답변이 바뀌었습니다. 승인은 더 이상 유효하지 않으며 모든 페이지에 DRAFT 표시가 있습니다. 변호사를 위해 서류 묶음을 다시 만드세요.</translation>
    </message>
    <message>
        <source>Packet %1: DRAFT until an attorney approves it (every page is marked).</source>
        <translation>서류 묶음 %1: 변호사가 승인할 때까지 초안입니다(모든 페이지에 DRAFT 표시가 있습니다).</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Change my passphrase</source>
        <translation>내 암호 문구 바꾸기</translation>
    </message>
    <message>
        <source>Reset a passphrase</source>
        <translation>암호 문구 재설정</translation>
    </message>
    <message>
        <source>Your passphrase unlocks this laptop&apos;s records for you. Choose one of 12 characters or more that nobody could guess; the records are not changed.</source>
        <translation>암호 문구로 이 노트북의 기록을 엽니다. 아무도 짐작할 수 없는 12자 이상의 문구를 고르세요. 기록은 바뀌지 않습니다.</translation>
    </message>
    <message>
        <source>%1 will sign in with the new passphrase; tell it to them in person. A disabled user is enabled again. To confirm that it is you, give your own passphrase.</source>
        <translation>%1 님은 새 암호 문구로 로그인합니다. 직접 만나서 알려 주세요. 사용 중지된 사용자는 다시 사용할 수 있게 됩니다. 본인 확인을 위해 내 암호 문구를 입력하세요.</translation>
    </message>
    <message>
        <source>&amp;For:</source>
        <translation>대상(&amp;F):</translation>
    </message>
    <message>
        <source>me (%1)</source>
        <translation>나(%1)</translation>
    </message>
    <message>
        <source>&amp;Your current passphrase:</source>
        <translation>현재 내 암호 문구(&amp;Y):</translation>
    </message>
    <message>
        <source>&amp;New passphrase:</source>
        <translation>새 암호 문구(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;New passphrase for %1:</source>
        <translation>%1 님의 새 암호 문구(&amp;N):</translation>
    </message>
    <message>
        <source>New passphrase a&amp;gain:</source>
        <translation>새 암호 문구 다시(&amp;G):</translation>
    </message>
    <message>
        <source>Change &amp;passphrase</source>
        <translation>암호 문구 바꾸기(&amp;P)</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>사용 중지됨</translation>
    </message>
    <message>
        <source>Give your current passphrase.</source>
        <translation>현재 암호 문구를 입력하세요.</translation>
    </message>
    <message>
        <source>The two new passphrases differ. Type the new one twice, the same.</source>
        <translation>새 암호 문구 두 개가 다릅니다. 같은 문구를 두 번 입력하세요.</translation>
    </message>
    <message>
        <source>Checking your current passphrase…</source>
        <translation>현재 암호 문구를 확인하는 중…</translation>
    </message>
    <message>
        <source>Your passphrase is changed. Sign in with the new one from now on.</source>
        <translation>암호 문구가 바뀌었습니다. 이제부터 새 문구로 로그인하세요.</translation>
    </message>
    <message>
        <source>The passphrase of %1 is changed. They sign in with the new one from now on.</source>
        <translation>%1 님의 암호 문구가 바뀌었습니다. 이제부터 새 문구로 로그인합니다.</translation>
    </message>
    <message>
        <source>Your current passphrase was not accepted (%1). Nothing was changed.</source>
        <translation>현재 암호 문구가 받아들여지지 않았습니다(%1). 아무것도 바뀌지 않았습니다.</translation>
    </message>
    <message>
        <source>The passphrase was not changed: %1.</source>
        <translation>암호 문구를 바꾸지 않았습니다: %1.</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>My profile</source>
        <translation>내 프로필</translation>
    </message>
    <message>
        <source>The packets you build name you as their preparer (I-821D Part 7, I-765 Part 5) with these details; so do the interpreter&apos;s parts when an interview names you as the interpreter. Attorneys: add your bar number (the G-28).</source>
        <translation>직접 만든 서류 묶음에는 이 정보로 작성자(I-821D 7부, I-765 5부)가 기재됩니다. 면담에서 통역사로 지정되면 통역사 부분에도 기재됩니다. 변호사: 변호사 등록 번호를 입력하세요(G-28).</translation>
    </message>
    <message>
        <source>&amp;Family name</source>
        <translation>성(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Given name</source>
        <translation>이름(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Organization</source>
        <translation>소속 기관(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Street number and name</source>
        <translation>번지 및 거리 이름(&amp;S)</translation>
    </message>
    <message>
        <source>Apt., ste. or flr. &amp;number</source>
        <translation>아파트·스위트·층 번호(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;City or town</source>
        <translation>도시(&amp;C)</translation>
    </message>
    <message>
        <source>S&amp;tate</source>
        <translation>주(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;ZIP code</source>
        <translation>우편번호(&amp;Z)</translation>
    </message>
    <message>
        <source>&amp;Daytime phone</source>
        <translation>주간 전화번호(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>이메일(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Bar number (attorneys)</source>
        <translation>변호사 등록 번호(&amp;B)</translation>
    </message>
    <message>
        <source>State of the &amp;bar</source>
        <translation>변호사 등록 주(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Unit type</source>
        <translation>호실 종류(&amp;U)</translation>
    </message>
    <message>
        <source>Apt. (apartment)</source>
        <translation>Apt.(아파트)</translation>
    </message>
    <message>
        <source>Ste. (suite)</source>
        <translation>Ste.(사무실)</translation>
    </message>
    <message>
        <source>Flr. (floor)</source>
        <translation>Flr.(층)</translation>
    </message>
    <message>
        <source>Your profile is saved.</source>
        <translation>프로필을 저장했습니다.</translation>
    </message>
</context>
<context>
    <name>QuestionBox</name>
    <message>
        <source>Write the answer in English: it goes on the USCIS forms.</source>
        <translation>답변은 영어로 적으세요: USCIS 양식에 그대로 들어갑니다.</translation>
    </message>
</context>
<context>
    <name>RecordPage</name>
    <message>
        <source>&amp;Interview…</source>
        <translation>인터뷰(&amp;I)…</translation>
    </message>
    <message>
        <source>Copy A-Number</source>
        <translation>A-번호 복사</translation>
    </message>
    <message>
        <source>Copy SSN</source>
        <translation>사회보장번호 복사</translation>
    </message>
    <message>
        <source>Copied as a secret; the clipboard is cleared after 30 seconds</source>
        <translation>민감 정보로 복사되며, 30초 후 클립보드가 지워집니다</translation>
    </message>
    <message>
        <source>&amp;Build packet</source>
        <translation>서류 묶음 생성(&amp;B)</translation>
    </message>
    <message>
        <source>E&amp;xport to a folder…</source>
        <translation>폴더로 내보내기(&amp;X)…</translation>
    </message>
    <message>
        <source>Pri&amp;nt…</source>
        <translation>인쇄(&amp;N)…</translation>
    </message>
    <message>
        <source>No comments.</source>
        <translation>의견이 없습니다.</translation>
    </message>
    <message>
        <source>(with the comments above)</source>
        <translation>(위의 의견과 함께)</translation>
    </message>
    <message>
        <source>Screen a&amp;gain</source>
        <translation>다시 선별(&amp;G)</translation>
    </message>
    <message>
        <source>Screen the stored answers again as of today (after an answer changed)</source>
        <translation>저장된 답변을 오늘 기준으로 다시 선별합니다(답변이 바뀐 뒤)</translation>
    </message>
    <message>
        <source>Show numbers</source>
        <translation>번호 보기</translation>
    </message>
    <message>
        <source>SSN and A-Number show their last four digits; this shows them in full for this person (recorded in the audit log)</source>
        <translation>SSN과 A-Number는 마지막 네 자리만 보입니다. 이 버튼은 이 사람의 번호를 모두 보여 줍니다(감사 기록에 남습니다)</translation>
    </message>
    <message>
        <source>No one is open. Open a person from Today (double-click their name).</source>
        <translation>열린 사람이 없습니다. 오늘 화면에서 사람을 여세요(이름을 두 번 클릭).</translation>
    </message>
    <message>
        <source>Fees &amp;paid by:</source>
        <translation>수수료 납부(&amp;P):</translation>
    </message>
    <message>
        <source>Card (Form G-1450)</source>
        <translation>카드(G-1450 양식)</translation>
    </message>
    <message>
        <source>Bank debit (Form G-1650)</source>
        <translation>은행 자동 인출(G-1650 양식)</translation>
    </message>
    <message>
        <source>How USCIS takes each fee of a paper filing: one payment form per fee</source>
        <translation>USCIS가 우편 신청의 수수료를 받는 방법: 수수료마다 납부 양식 1장</translation>
    </message>
    <message>
        <source>Attorney of &amp;record:</source>
        <translation>대리 변호사(&amp;R):</translation>
    </message>
    <message>
        <source>None (no G-28)</source>
        <translation>없음(G-28 없음)</translation>
    </message>
    <message>
        <source>The clinic&apos;s attorney who represents this person: the packet leads with their Form G-28, and only they approve it</source>
        <translation>이 사람을 대리하는 클리닉 변호사: 서류 묶음 맨 앞에 그 변호사의 G-28 양식이 들어가며, 그 변호사만 승인할 수 있습니다</translation>
    </message>
    <message>
        <source>Print every file of the packet</source>
        <translation>서류 묶음의 모든 파일 인쇄</translation>
    </message>
    <message>
        <source>Print ta&amp;ke-home sheet…</source>
        <translation>고객 안내문 인쇄(&amp;K)…</translation>
    </message>
    <message>
        <source>Print the client&apos;s take-home sheet alone, in their language: what was prepared, fees, where to mail, what comes next (no SSN, no A-Number)</source>
        <translation>고객이 가져갈 안내문만 고객의 언어로 인쇄합니다: 준비한 서류, 수수료, 우편 주소, 다음 단계(사회보장번호와 A-번호는 없음)</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>답변</translation>
    </message>
    <message>
        <source>Screening</source>
        <translation>선별</translation>
    </message>
    <message>
        <source>Packet</source>
        <translation>서류 묶음</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>의견</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>이력</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>질문</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>답변</translation>
    </message>
    <message>
        <source>When</source>
        <translation>일시</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>작업자</translation>
    </message>
    <message>
        <source>Enter or double-click an answer to change it</source>
        <translation>답변을 변경하려면 Enter 키를 누르거나 두 번 클릭하세요</translation>
    </message>
    <message>
        <source>Inquiry (no name kept)</source>
        <translation>문의(이름은 기록하지 않음)</translation>
    </message>
    <message>
        <source>(no name yet)</source>
        <translation>(아직 이름 없음)</translation>
    </message>
    <message>
        <source>The approved packet is locked: change an answer to build a new one.</source>
        <translation>승인된 서류 묶음은 잠겨 있습니다. 새로 만들려면 답변을 바꾸세요.</translation>
    </message>
    <message>
        <source>&lt;p&gt;Not screened yet.&lt;/p&gt;</source>
        <translation>&lt;p&gt;아직 선별하지 않았습니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>At intake: interview in progress</source>
        <translation>접수 단계: 인터뷰 진행 중</translation>
    </message>
    <message>
        <source>Screened: ready for forms</source>
        <translation>선별 완료: 양식 작성 준비됨</translation>
    </message>
    <message>
        <source>Packet awaiting attorney review</source>
        <translation>서류 묶음이 변호사 검토를 기다리는 중</translation>
    </message>
    <message>
        <source>Returned by the attorney: read the comments, fix, rebuild</source>
        <translation>변호사가 반려함: 의견을 읽고 수정한 뒤 서류 묶음을 다시 생성하세요</translation>
    </message>
    <message>
        <source>Packet approved and locked</source>
        <translation>서류 묶음 승인 및 잠금 완료</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>종결됨</translation>
    </message>
    <message>
        <source>Inquiry only</source>
        <translation>단순 문의</translation>
    </message>
    <message>
        <source>Screened, with %1 required answer(s) missing: finish the interview before the forms (Interview…)</source>
        <translation>선별됨, 필수 답변 %1개 빠짐: 양식 전에 면담을 마치세요(면담…)</translation>
    </message>
    <message>
        <source>Answers changed after the attorney approved the packet: the approval no longer holds. Screen again if asked, then build the packet again (it goes back to the attorney)</source>
        <translation>변호사가 서류 묶음을 승인한 뒤 답변이 바뀌었습니다. 승인은 더 이상 유효하지 않습니다. 요청되면 다시 선별한 뒤 서류 묶음을 다시 만드세요(변호사에게 다시 갑니다)</translation>
    </message>
    <message>
        <source>Answers changed after the packet was built and were screened again: build the packet again (it then goes to the attorney)</source>
        <translation>서류 묶음을 만든 뒤 답변이 바뀌었고 다시 선별했습니다. 서류 묶음을 다시 만드세요(그다음 변호사에게 갑니다)</translation>
    </message>
    <message>
        <source>Answers changed after the packet was built: screen again, then build the packet again (it then goes to the attorney)</source>
        <translation>서류 묶음을 만든 뒤 답변이 바뀌었습니다. 다시 선별한 다음 서류 묶음을 다시 만드세요(그다음 변호사에게 갑니다)</translation>
    </message>
    <message>
        <source> · an unfinished interview draft is saved</source>
        <translation> · 마치지 않은 인터뷰 초안이 저장되어 있습니다</translation>
    </message>
    <message>
        <source> · may be the same person as someone on another laptop (%1)</source>
        <translation> · 다른 노트북에 있는 사람과 같은 사람일 수 있습니다(%1)</translation>
    </message>
    <message>
        <source> · %1 answer(s) edited on two laptops at once: choose which value to keep</source>
        <translation> · 두 노트북에서 동시에 수정된 답변 %1개: 유지할 값을 선택하세요</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>접수함</translation>
    </message>
    <message>
        <source>Answers saved</source>
        <translation>답변 저장</translation>
    </message>
    <message>
        <source>Screened</source>
        <translation>선별함</translation>
    </message>
    <message>
        <source>Packet built</source>
        <translation>서류 묶음 작성</translation>
    </message>
    <message>
        <source>Attorney&apos;s comment</source>
        <translation>변호사 의견</translation>
    </message>
    <message>
        <source>Returned by the attorney</source>
        <translation>변호사가 돌려보냄</translation>
    </message>
    <message>
        <source>Approved by the attorney</source>
        <translation>변호사가 승인함</translation>
    </message>
    <message>
        <source>Inquiry</source>
        <translation>문의</translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>외 %1개</translation>
    </message>
    <message>
        <source>packet %1, %2 files</source>
        <translation>서류 묶음 %1, 파일 %2개</translation>
    </message>
    <message>
        <source>packet %1</source>
        <translation>서류 묶음 %1</translation>
    </message>
    <message>
        <source>Change an approved packet?</source>
        <translation>승인된 서류 묶음을 바꾸시겠습니까?</translation>
    </message>
    <message>
        <source>An attorney approved this person&apos;s packet. Changing an answer undoes the approval: the packet is built again and goes back to the attorney.</source>
        <translation>변호사가 이 사람의 서류 묶음을 승인했습니다. 답변을 바꾸면 승인이 취소됩니다. 서류 묶음을 다시 만들어 변호사에게 다시 보냅니다.</translation>
    </message>
    <message>
        <source>&amp;Change anyway</source>
        <translation>그래도 바꾸기(&amp;C)</translation>
    </message>
    <message>
        <source>Hide numbers</source>
        <translation>번호 숨기기</translation>
    </message>
    <message>
        <source>Two laptops changed this answer</source>
        <translation>두 노트북에서 이 답변을 변경했습니다</translation>
    </message>
    <message>
        <source>Keep which value?</source>
        <translation>어느 값을 유지하시겠습니까?</translation>
    </message>
    <message>
        <source>Screened again as of today: see the Screening tab.</source>
        <translation>오늘 기준으로 다시 선별했습니다. 선별 탭을 보세요.</translation>
    </message>
    <message>
        <source>The packet was not built: the answers changed since the last screening. Click Screen again (above), then Build packet.</source>
        <translation>서류 묶음을 만들지 않았습니다. 마지막 선별 이후 답변이 바뀌었습니다. 위의 &apos;다시 선별&apos;을 누른 다음 &apos;서류 묶음 생성&apos;을 누르세요.</translation>
    </message>
    <message>
        <source>Nothing changed since the approval: this is the approved packet.</source>
        <translation>승인 이후 바뀐 것이 없습니다. 승인된 서류 묶음 그대로입니다.</translation>
    </message>
    <message>
        <source>%1 required answer(s) are missing: the forms have blanks there, for the attorney to see.</source>
        <translation>필수 답변 %1개가 빠졌습니다. 양식의 해당 부분이 비어 있으며 변호사가 확인합니다.</translation>
    </message>
    <message>
        <source>The answers changed after this packet was built: build it again</source>
        <translation>이 서류 묶음을 만든 뒤 답변이 바뀌었습니다. 다시 만드세요</translation>
    </message>
    <message>
        <source>Print the whole packet (%1 files, every page)</source>
        <translation>패킷 전체 인쇄 (파일 %1개, 모든 페이지)</translation>
    </message>
    <message>
        <source>Printing: sending the pages to the printer…</source>
        <translation>인쇄 중: 페이지를 프린터로 보내고 있습니다…</translation>
    </message>
    <message>
        <source>Nothing was printed: the printer could not be started.</source>
        <translation>인쇄되지 않았습니다: 프린터를 시작할 수 없습니다.</translation>
    </message>
    <message>
        <source>Sent 1 page to the printer.</source>
        <translation>1페이지를 프린터로 보냈습니다.</translation>
    </message>
    <message>
        <source>Sent %1 pages to the printer.</source>
        <translation>%1페이지를 프린터로 보냈습니다.</translation>
    </message>
    <message>
        <source>The take-home sheet is in English: ClinicDay has none in %1 yet, so go over it with the person (with an interpreter).</source>
        <translation>고객 안내문은 영어로 되어 있습니다. ClinicDay에는 아직 %1 안내문이 없으니 (통역사와 함께) 본인과 함께 읽어 주세요.</translation>
    </message>
    <message>
        <source>No clinic contact</source>
        <translation>클리닉 연락처 없음</translation>
    </message>
    <message>
        <source>The take-home sheet gives the client no way to reach the clinic: no contact is set in Settings. Print it anyway?</source>
        <translation>고객 안내문에 클리닉에 연락할 방법이 없습니다: 설정에 연락처가 없습니다. 그래도 인쇄할까요?</translation>
    </message>
    <message>
        <source>Print the client&apos;s take-home sheet</source>
        <translation>고객 안내문 인쇄</translation>
    </message>
    <message>
        <source>Sent the take-home sheet (1 page) to the printer.</source>
        <translation>고객 안내문(1쪽)을 프린터로 보냈습니다.</translation>
    </message>
    <message>
        <source>Sent the take-home sheet (%1 pages) to the printer.</source>
        <translation>고객 안내문(%1쪽)을 프린터로 보냈습니다.</translation>
    </message>
    <message>
        <source>It is in English: ClinicDay has no take-home sheet in %1 yet, so go over it with the person (with an interpreter).</source>
        <translation>영어로 되어 있습니다. ClinicDay에는 아직 %1 안내문이 없으니 (통역사와 함께) 본인과 함께 읽어 주세요.</translation>
    </message>
    <message>
        <source>The take-home sheet gives the preparer&apos;s own phone and e-mail (their profile) as the clinic&apos;s contact: a coordinator sets the clinic&apos;s contact in Settings.</source>
        <translation>고객 안내문에 작성자 본인의 전화번호와 이메일(프로필)이 클리닉 연락처로 들어갑니다: 코디네이터가 설정에서 클리닉 연락처를 입력하세요.</translation>
    </message>
    <message>
        <source>The take-home sheet gives the client no way to reach the clinic: a coordinator sets the clinic&apos;s contact in Settings, then build the packet again.</source>
        <translation>고객 안내문에 클리닉 연락처가 없어 고객이 클리닉에 연락할 방법이 없습니다: 코디네이터가 설정에서 클리닉 연락처를 입력한 뒤 서류 묶음을 다시 만드세요.</translation>
    </message>
    <message>
        <source>Folder to export the packet to</source>
        <translation>서류 묶음을 내보낼 폴더</translation>
    </message>
    <message>
        <source>Wrote %1 files to %2 (the export is in the audit log). These files are not encrypted: hand them on, then delete them.</source>
        <translation>파일 %1개를 %2에 저장했습니다(내보내기는 감사 기록에 남습니다). 이 파일은 암호화되지 않았습니다. 전달한 뒤 삭제하세요.</translation>
    </message>
    <message>
        <source>conflict: %1</source>
        <translation>충돌: %1</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>반려</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>의견</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>일</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>내용</translation>
    </message>
    <message>
        <source>Copied; the clipboard is cleared in 30 seconds.</source>
        <translation>복사했습니다. 30초 후 클립보드가 지워집니다.</translation>
    </message>
    <message>
        <source>Building the packet…</source>
        <translation>서류 묶음을 생성하는 중…</translation>
    </message>
    <message>
        <source>Packet built and stored encrypted. An attorney reviews it next.</source>
        <translation>서류 묶음을 생성하여 암호화해 저장했습니다. 다음은 변호사가 검토합니다.</translation>
    </message>
    <message>
        <source>The packet was not built: %1</source>
        <translation>서류 묶음을 생성하지 못했습니다: %1</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>A&amp;waiting review</source>
        <translation>검토 대기(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Files in the packet</source>
        <translation>서류 묶음의 파일(&amp;F)</translation>
    </message>
    <message>
        <source>Comment &amp;on:</source>
        <translation>의견 대상(&amp;O):</translation>
    </message>
    <message>
        <source>Co&amp;mment:</source>
        <translation>의견(&amp;M):</translation>
    </message>
    <message>
        <source>Add comm&amp;ent</source>
        <translation>의견 추가(&amp;E)</translation>
    </message>
    <message>
        <source>Ret&amp;urn to volunteer</source>
        <translation>자원봉사자에게 반려(&amp;U)</translation>
    </message>
    <message>
        <source>Appro&amp;ve and lock</source>
        <translation>승인 및 잠금(&amp;V)</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>질문</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>답변</translation>
    </message>
    <message>
        <source>Only an attorney approves packets</source>
        <translation>서류 묶음은 변호사만 승인할 수 있습니다</translation>
    </message>
    <message>
        <source>Approval undone, answers changed after it (back here once the packet is built again):</source>
        <translation>승인 후 답변이 바뀌어 승인이 취소됨 (서류 묶음을 다시 만들면 여기로 돌아옵니다):</translation>
    </message>
    <message>
        <source>No packet is waiting for review.</source>
        <translation>검토를 기다리는 서류 묶음이 없습니다.</translation>
    </message>
    <message>
        <source>1 packet awaiting review.</source>
        <translation>검토를 기다리는 서류 묶음: 1개</translation>
    </message>
    <message>
        <source>%1 packets awaiting review.</source>
        <translation>검토를 기다리는 서류 묶음: %1개</translation>
    </message>
    <message>
        <source>(the whole packet)</source>
        <translation>(서류 묶음 전체)</translation>
    </message>
    <message>
        <source>(not answered)</source>
        <translation>(답변 없음)</translation>
    </message>
    <message>
        <source>Changed since it was approved:</source>
        <translation>승인 이후 바뀐 내용:</translation>
    </message>
    <message>
        <source>Changed since it was returned:</source>
        <translation>반려 이후 바뀐 답변:</translation>
    </message>
    <message>
        <source>No question is called &quot;%1&quot;: pick one from the list under Comment on, or choose (the whole packet).</source>
        <translation>&quot;%1&quot;(이)라는 질문이 없습니다. 의견 대상 목록에서 하나를 고르거나 (서류 묶음 전체)를 고르세요.</translation>
    </message>
    <message>
        <source>Approving locks this version of the packet and removes the DRAFT mark. Any later change to the answers means building it again and a new review.</source>
        <translation>승인하면 이 버전의 서류 묶음이 잠기고 DRAFT 표시가 사라집니다. 이후 답변을 바꾸면 서류 묶음을 다시 만들고 다시 검토해야 합니다.</translation>
    </message>
    <message>
        <source>It leaves blank, for the filer to answer by hand before mailing: %1</source>
        <translation>우편 발송 전에 신청자가 직접 채워야 할 빈 항목: %1</translation>
    </message>
    <message>
        <source>Approve this packet?</source>
        <translation>이 서류 묶음을 승인하시겠습니까?</translation>
    </message>
    <message>
        <source>Write in Comment what the volunteer should fix, then Return.</source>
        <translation>자원봉사자가 고칠 내용을 의견란에 쓴 다음 돌려보내세요.</translation>
    </message>
    <message>
        <source>The packet goes back to the volunteer, who changes the answers and builds it again; it then comes back to you for review.</source>
        <translation>서류 묶음이 자원봉사자에게 돌아갑니다. 자원봉사자가 답변을 고쳐 다시 만들면 검토를 위해 다시 돌아옵니다.</translation>
    </message>
    <message>
        <source>Your comment goes with it: %1</source>
        <translation>의견이 함께 전달됩니다: %1</translation>
    </message>
    <message>
        <source>Your comments above, made since the last return, go with it.</source>
        <translation>마지막 반려 이후 남긴 위의 의견이 함께 전달됩니다.</translation>
    </message>
    <message>
        <source>Return it to the volunteer now?</source>
        <translation>지금 자원봉사자에게 돌려보낼까요?</translation>
    </message>
    <message>
        <source>Return this packet?</source>
        <translation>이 서류 묶음을 반려할까요?</translation>
    </message>
    <message>
        <source>Comment recorded.</source>
        <translation>의견을 기록했습니다.</translation>
    </message>
    <message>
        <source>Returned to the volunteer with your comment.</source>
        <translation>의견과 함께 자원봉사자에게 반려했습니다.</translation>
    </message>
    <message>
        <source>Approved: this packet version is locked.</source>
        <translation>승인했습니다. 이 버전의 서류 묶음은 잠겼습니다.</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>volunteer</source>
        <translation>자원봉사자</translation>
    </message>
    <message>
        <source>attorney</source>
        <translation>변호사</translation>
    </message>
    <message>
        <source>coordinator</source>
        <translation>코디네이터</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>관리자</translation>
    </message>
</context>
<context>
    <name>SecretEditor</name>
    <message>
        <source>Show</source>
        <translation>보기</translation>
    </message>
    <message>
        <source>Show the whole number (the audit log records it)</source>
        <translation>번호 전체 보기(감사 기록에 남습니다)</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>숨기기</translation>
    </message>
    <message>
        <source>Show only the last four digits again</source>
        <translation>다시 마지막 네 자리만 표시</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>This clinic</source>
        <translation>이 클리닉</translation>
    </message>
    <message>
        <source>Contact for clie&amp;nts:</source>
        <translation>고객 연락처(&amp;N):</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>사용자</translation>
    </message>
    <message>
        <source>User</source>
        <translation>사용자</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>역할</translation>
    </message>
    <message>
        <source>&amp;Add user…</source>
        <translation>사용자 추가(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Disable selected</source>
        <translation>선택한 사용자 비활성화(&amp;D)</translation>
    </message>
    <message>
        <source>Installed USCIS forms</source>
        <translation>설치된 USCIS 양식</translation>
    </message>
    <message>
        <source>&amp;Install PDFs…</source>
        <translation>PDF 설치(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Verify a PDF…</source>
        <translation>PDF 확인(&amp;V)…</translation>
    </message>
    <message>
        <source>Draft a pack for a new &amp;edition…</source>
        <translation>새 개정판용 양식 팩 초안 만들기(&amp;E)…</translation>
    </message>
    <message>
        <source>Staff lang&amp;uage:</source>
        <translation>직원용 화면 언어(&amp;U):</translation>
    </message>
    <message>
        <source>&amp;Site:</source>
        <translation>장소(&amp;S):</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <source>phone, e-mail or address on the take-home sheet</source>
        <translation>고객 안내문에 실릴 전화번호, 이메일 또는 주소</translation>
    </message>
    <message>
        <source>Loc&amp;k after (minutes idle):</source>
        <translation>미사용 시 자동 잠금(분)(&amp;K):</translation>
    </message>
    <message>
        <source>Backups:</source>
        <translation>백업:</translation>
    </message>
    <message>
        <source>&amp;Back up now…</source>
        <translation>지금 백업(&amp;B)…</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>DACA program status and alerts</source>
        <translation>DACA 프로그램 현황 및 알림</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>비활성</translation>
    </message>
    <message>
        <source>active</source>
        <translation>활성</translation>
    </message>
    <message>
        <source>No forms installed: packets cannot be built yet.</source>
        <translation>설치된 양식이 없습니다. 아직 서류 묶음을 생성할 수 없습니다.</translation>
    </message>
    <message>
        <source>ClinicDay keeps a backup of each day (the last 7) in %1, written when the app locks or closes. Back up to a USB stick too: the records in a backup stay encrypted.</source>
        <translation>ClinicDay는 앱이 잠기거나 닫힐 때 그날의 백업을 %1에 보관합니다(최근 7개). USB 메모리에도 백업하세요. 백업 안의 기록은 계속 암호화되어 있습니다.</translation>
    </message>
    <message>
        <source>Latest: %1.</source>
        <translation>최근: %1.</translation>
    </message>
    <message>
        <source>None yet.</source>
        <translation>아직 없습니다.</translation>
    </message>
    <message>
        <source>The last automatic backup failed: %1</source>
        <translation>마지막 자동 백업이 실패했습니다: %1</translation>
    </message>
    <message>
        <source>Back up the clinic</source>
        <translation>클리닉 백업</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>백업하는 중…</translation>
    </message>
    <message>
        <source>Backed up to %1 (%2 files). The records in it stay encrypted.</source>
        <translation>%1에 백업했습니다(파일 %2개). 그 안의 기록은 계속 암호화되어 있습니다.</translation>
    </message>
    <message>
        <source>Nothing to save: the site name is unchanged.</source>
        <translation>저장할 것이 없습니다. 장소 이름이 그대로입니다.</translation>
    </message>
    <message>
        <source>The site is now called %1.</source>
        <translation>장소 이름을 %1(으)로 변경했습니다.</translation>
    </message>
    <message>
        <source>Nothing to save: the contact is unchanged.</source>
        <translation>저장할 것이 없습니다. 연락처가 그대로입니다.</translation>
    </message>
    <message>
        <source>Take-home sheets built from now on give %1 as the clinic&apos;s contact.</source>
        <translation>이제부터 만드는 고객 안내문에는 클리닉 연락처로 %1이(가) 실립니다.</translation>
    </message>
    <message>
        <source>Take-home sheets built from now on give no clinic contact.</source>
        <translation>이제부터 만드는 고객 안내문에는 클리닉 연락처가 실리지 않습니다.</translation>
    </message>
    <message>
        <source>User added.</source>
        <translation>사용자를 추가했습니다.</translation>
    </message>
    <message>
        <source>User disabled.</source>
        <translation>사용자를 비활성화했습니다.</translation>
    </message>
    <message>
        <source>Official USCIS PDFs</source>
        <translation>USCIS 공식 PDF</translation>
    </message>
    <message>
        <source>Installed: %1</source>
        <translation>설치됨: %1</translation>
    </message>
    <message>
        <source>Choose a PDF to verify</source>
        <translation>확인할 PDF 선택</translation>
    </message>
    <message>
        <source>%1 is the official %2, byte for byte.</source>
        <translation>%1은(는) 공식 %2와(과) 바이트 단위까지 동일합니다.</translation>
    </message>
    <message>
        <source>A new edition&apos;s PDF</source>
        <translation>새 개정판의 PDF</translation>
    </message>
    <message>
        <source>The draft pack is kept in %1; nothing was installed.</source>
        <translation>양식 팩 초안은 %1에 보관되어 있습니다. 아무것도 설치하지 않았습니다.</translation>
    </message>
    <message>
        <source>Confirmed and installed: %1</source>
        <translation>확정 및 설치됨: %1</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>Sign in</source>
        <translation>로그인</translation>
    </message>
    <message>
        <source>ClinicDay locked itself after a while without use, and dropped its keys. Enter your passphrase to continue where you were, or choose another user.</source>
        <translation>한동안 사용하지 않아 ClinicDay가 자동으로 잠기고 암호화 키를 지웠습니다. 하던 작업을 계속하려면 암호 문구를 입력하거나, 다른 사용자를 선택하세요.</translation>
    </message>
    <message>
        <source>ClinicDay is locked and dropped its keys. Enter your passphrase to continue where you were, or choose another user.</source>
        <translation>ClinicDay가 잠겼고 키를 지웠습니다. 하던 곳에서 계속하려면 암호 문구를 입력하거나 다른 사용자를 선택하세요.</translation>
    </message>
    <message>
        <source>Choose your name and enter your passphrase to start the clinic day.</source>
        <translation>이름을 선택하고 암호 문구를 입력하여 클리닉 업무를 시작하세요.</translation>
    </message>
    <message>
        <source>This is the demo clinic (made-up people). Sign in as vol (volunteer), atty (attorney), coord (coordinator) or admin, with the passphrase below.</source>
        <translation>데모 클리닉입니다(가상의 인물). vol(자원봉사자), atty(변호사), coord(코디네이터) 또는 admin으로, 아래 암호 문구로 로그인하세요.</translation>
    </message>
    <message>
        <source>Demo passphrase: %1</source>
        <translation>데모 암호 문구: %1</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>사용자(&amp;U):</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>암호 문구(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>로그인(&amp;S)</translation>
    </message>
    <message>
        <source>There is no user to sign in as.</source>
        <translation>로그인할 수 있는 사용자가 없습니다.</translation>
    </message>
</context>
<context>
    <name>SyncIndicator</name>
    <message>
        <source>S&amp;ync now</source>
        <translation>지금 동기화(&amp;Y)</translation>
    </message>
    <message>
        <source>Not synced: this laptop is not enrolled (Settings)</source>
        <translation>동기화되지 않음: 이 노트북이 등록되지 않았습니다(설정)</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>동기화하는 중…</translation>
    </message>
    <message>
        <source>Not synced: %1 · %2 waiting · next try in %3 s</source>
        <translation>동기화되지 않음: %1 · %2개 대기 중 · %3초 후 다시 시도</translation>
    </message>
    <message>
        <source>Synced %1 · %2 waiting</source>
        <translation>마지막 동기화: %1 · %2개 대기 중</translation>
    </message>
    <message>
        <source>Never synced · %1 waiting</source>
        <translation>동기화한 적 없음 · %1개 대기 중</translation>
    </message>
</context>
<context>
    <name>SyncSettings</name>
    <message>
        <source>Sync with the organization&apos;s server</source>
        <translation>단체 서버와 동기화</translation>
    </message>
    <message>
        <source>Se&amp;rver:</source>
        <translation>서버(&amp;R):</translation>
    </message>
    <message>
        <source>Enrollment &amp;code:</source>
        <translation>등록 코드(&amp;C):</translation>
    </message>
    <message>
        <source>Enroll this laptop</source>
        <translation>이 노트북 등록</translation>
    </message>
    <message>
        <source>Keep the org key on this laptop…</source>
        <translation>이 노트북에 단체 키 보관…</translation>
    </message>
    <message>
        <source>Make an enrollment code</source>
        <translation>등록 코드 만들기</translation>
    </message>
    <message>
        <source>for a volunteer laptop</source>
        <translation>자원봉사자용 노트북</translation>
    </message>
    <message>
        <source>for an attorney laptop</source>
        <translation>변호사용 노트북</translation>
    </message>
    <message>
        <source>for a coordinator laptop</source>
        <translation>코디네이터용 노트북</translation>
    </message>
    <message>
        <source>Enrolled with %1 as a %2 laptop.</source>
        <translation>%1에 %2 노트북으로 등록되어 있습니다.</translation>
    </message>
    <message>
        <source>The org key is kept here (sealed).</source>
        <translation>단체 키가 이 노트북에 보관되어 있습니다(봉인됨).</translation>
    </message>
    <message>
        <source>Organization key fingerprint: %1 (it must match the coordinator&apos;s).</source>
        <translation>단체 키 지문: %1 (코디네이터의 지문과 같아야 합니다).</translation>
    </message>
    <message>
        <source>Not enrolled: everything stays on this laptop. A coordinator gives you a one-time code.</source>
        <translation>등록되지 않음: 모든 데이터가 이 노트북에만 남습니다. 코디네이터에게서 일회용 코드를 받으세요.</translation>
    </message>
    <message>
        <source>Give the server&apos;s address (https://...) and the code.</source>
        <translation>서버 주소(https://...)와 코드를 입력하세요.</translation>
    </message>
    <message>
        <source>Enrolled. The first sync starts now.</source>
        <translation>등록했습니다. 이제 첫 동기화를 시작합니다.</translation>
    </message>
    <message>
        <source>The org key file</source>
        <translation>단체 키 파일</translation>
    </message>
    <message>
        <source>Its passphrase:</source>
        <translation>키 파일의 암호 문구:</translation>
    </message>
    <message>
        <source>The org key is kept on this laptop, sealed.</source>
        <translation>단체 키를 봉인하여 이 노트북에 보관했습니다.</translation>
    </message>
    <message>
        <source>One-time code (works once, for 72 hours): %1</source>
        <translation>일회용 코드(72시간 동안 한 번만 사용 가능): %1</translation>
    </message>
    <message>
        <source>Enrollment code</source>
        <translation>등록 코드</translation>
    </message>
    <message>
        <source>The new laptop must show the organization key fingerprint %1.</source>
        <translation>새 노트북에 단체 키 지문 %1이(가) 표시되어야 합니다.</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to ClinicDay</source>
        <translation>ClinicDay에 오신 것을 환영합니다</translation>
    </message>
    <message>
        <source>There is no clinic in %1 yet. To look around first, open the demo clinic: made-up people, never real ones. To run a real clinic day, create a clinic: you become its administrator.</source>
        <translation>%1에는 아직 클리닉이 없습니다. 먼저 둘러보려면 데모 클리닉을 여세요. 실제 인물이 아닌 가상의 인물만 들어 있습니다. 실제 클리닉 데이를 운영하려면 클리닉을 만드세요. 만든 사람이 관리자가 됩니다.</translation>
    </message>
    <message>
        <source>Open the &amp;demo clinic</source>
        <translation>데모 클리닉 열기(&amp;D)</translation>
    </message>
    <message>
        <source>Create a clinic</source>
        <translation>클리닉 만들기</translation>
    </message>
    <message>
        <source>&amp;Site name:</source>
        <translation>장소 이름(&amp;S):</translation>
    </message>
    <message>
        <source>Your &amp;user name:</source>
        <translation>내 사용자 이름(&amp;U):</translation>
    </message>
    <message>
        <source>&amp;Passphrase (12 characters or more):</source>
        <translation>암호 문구(12자 이상)(&amp;P):</translation>
    </message>
    <message>
        <source>Passphrase &amp;again:</source>
        <translation>암호 문구 다시 입력(&amp;A):</translation>
    </message>
    <message>
        <source>&amp;Create the clinic</source>
        <translation>클리닉 만들기(&amp;C)</translation>
    </message>
    <message>
        <source>Give the site name and your user name.</source>
        <translation>장소 이름과 사용자 이름을 입력하세요.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>두 암호 문구가 서로 다릅니다.</translation>
    </message>
</context>
</TS>
