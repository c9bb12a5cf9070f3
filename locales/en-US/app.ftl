# Huiban's screens, English.

app-name = Huiban
app-tagline = Government services from home

nav-back = Back
nav-home = Home

home-title = Hello. What would you like to do?
home-tile-apply = Apply
home-tile-progress = Progress
home-tile-licences = Licences
home-tile-requests = Requests
home-tile-messages = Messages
home-tile-help = Help

catalog-title = Apply
catalog-intro = Choose the service you need.
catalog-loading = Loading the services, please wait…
catalog-count = { $count } services available
catalog-department = Handled by: { $department }
catalog-fee-free = Free of charge
catalog-fee = Fee: { $yuan } yuan ({ $description })
catalog-retry = Try again

coming-soon-body = This part of Huiban is being built and will be ready soon.
coming-soon-next = For now, choose "Home" to do something else.

queue-status-label = Sending of applications
outbox-waiting = { $count } applications are waiting to be sent; they will go out by themselves when the network is back.
outbox-waiting-mixed = { $count } items (applications, ratings, requests or added papers) are waiting to be sent; they will go out by themselves when the network is back.
outbox-needs-attention = { $count } applications were not accepted by the platform and need a look; everything you entered is kept.
outbox-all-sent = Every application has reached the services platform.
catalog-offline = The services platform cannot be reached; these are the services saved last time. They update by themselves once the network is back.

nav-settings = Settings

settings-title = Settings
settings-intro = Make the text bigger or change the colours here. Changes show at once, and Huiban remembers them.
settings-saved = Saved.
text-size-legend = Text size
text-size-standard = Standard
text-size-large = Large
text-size-extra-large = Extra large
text-size-largest = Largest
text-size-sample = Text this big
theme-legend = Colours
theme-system = Same as the computer
theme-light = Black text on white
theme-dark-contrast = White text on black (stronger contrast)
theme-light-contrast = Pure black on white (stronger contrast)
read-aloud-legend = Reading aloud
read-aloud-on = Read each page to me when it opens
read-aloud-off = No reading aloud

first-run-size-title = Can you read this text easily?
first-run-size-hint = Pick the size that is most comfortable. You can change it later in Settings.
first-run-speech-title = Shall Huiban read the pages aloud to you?
first-run-speech-hint = You can change this later in Settings.
first-run-next = Next
first-run-skip = Skip for now
answer-yes = Yes
answer-no = No
answer-money = ¥{ $amount }
answer-files = { $count } file(s) chosen
answer-signed = Signed

read-aloud-button = Read aloud
read-aloud-stop = Stop reading
reading-options = You can choose: { $options }
reading-chosen = Chosen now: { $choice }
reading-not-chosen = Nothing chosen yet.
speech-rate-legend = Reading speed
speech-rate-slow = Slower
speech-rate-normal = Normal
speech-rate-fast = Faster

question-next = Next
date-year = year
date-month = month
date-day = day
date-shown = { $day }/{ $month }/{ $year }
date-less = One { $unit } less
date-more = One { $unit } more
keypad-delete = Delete one character
keypad-clear = Clear all
check-change = Change
check-no-answer = Not answered
confirmation-number-label = Your case number is:
timeline-done = done
timeline-current = in progress
timeline-pending = still to come
timeline-overdue = { $days } working days past the deadline
nav-help = Help

search-label = Find a service
search-hint = Type words, pinyin or pinyin initials, for example 养老, yanglao, ylbx or 退休金.
search-found = { $count } found
search-none = Nothing found for “{ $query }”. Try other words, such as 养老 or 医保.
search-button = Find

nav-login = Log in
nav-logout = Log out
login-title = Log in
login-phone-question = What is your mobile number?
login-phone-hint = We will send a text message with a 6-digit code. No password is needed.
login-phone-label = Mobile number
login-send-code = Send the code
login-code-question = Please enter the 6-digit code from the text message
login-code-hint = The message went to { $phone }; the code works for { $minutes } minutes.
login-code-label = Code
login-submit = Log in
login-resend = Send a new code
login-resend-wait = A new code can be sent in { $seconds } seconds
login-change-phone = Use another number
login-done = You are logged in.
logout-done = You are logged out; this computer no longer keeps your login.

item-loading = Loading the service, please wait…
item-not-found = This service cannot be found; it may no longer be offered. Please go back to Apply and look again.
item-how-long = How long it takes
item-cost = What it costs
item-where = Who handles it
item-materials-title = What to bring
item-materials-none = Nothing needs to be brought.
item-material-required = needed
item-material-optional = bring it if you have it
item-material-counts = { $originals } original(s){ $copies ->
        [0] , no copies
       *[other] , { $copies } copy(ies)
    }
item-material-e-licence = not needed on paper if you have the e-licence

wallet-title = Licences
wallet-intro = Your electronic licences. They are kept on this computer and can be seen without a network.
wallet-empty = No licences here yet. Once you are logged in and online, your electronic licences appear here by themselves.
wallet-verified = Verified
wallet-verified-detail = Verified: the electronic seal is right and the licence is valid.
wallet-not-verified = Not verified
wallet-issuer = Issued by: { $issuer }
wallet-holder = Holder
wallet-number = Licence number
wallet-valid = Valid
wallet-valid-range = { $from } to { $to }
wallet-valid-forever = from { $from }, without end
wallet-qr-title = QR code for checking
wallet-qr-alt = QR code for checking the { $type }
wallet-qr-hint = Ask the staff to scan this code to check the licence.
wallet-issuer-label = Issued by

inbox-title = Messages
inbox-unread = { $count ->
        [0] All messages read.
        [one] 1 message not read yet.
       *[other] { $count } messages not read yet.
    }
inbox-empty = No messages yet. When your applications move on, you will be told here.
inbox-new = not read
inbox-mark-read = I have read it

time-shown = { $date } { $clock }
case-status-submitted = Application received
case-status-accepted = Accepted
case-status-supplement-requested = More needed from you
case-status-reviewing = Being examined
case-status-finished = Finished
case-status-not-accepted = Not accepted
case-status-withdrawn = Withdrawn

form-opening = Opening the form…
form-save-and-check = Save and go back to the check page
form-optional = You may leave this one empty and press Next.
form-question-missing = This form no longer has this question. Please go back to the check page.
answer-label = Your answer
answer-licences-loading = Looking for your e-licences…
answer-licences-none = You have no e-licence of this kind yet. It is fetched when you log in online; otherwise bring the paper at the counter.
answer-licence-verified = Verified
prefill-from-id-card = This was filled in from your electronic ID card. Please check it is right; you can change it.
prefill-from-account = This was filled in from the account you log in with. Please check it is right; you can change it.
address-picked = The place you chose:
address-again = Choose the place again
address-detail = Street, community, building and door number
address-loading = Opening the list of places…
address-choose-province = Choose the province
address-choose-city = Choose the city
address-choose-district = Choose the district
answer-file-choose = Choose a photo or a PDF
answer-file-again = Choose another photo or file
answer-file-keeping = Saving this file…
answer-file-kept = The file is chosen and saved on this computer.
signature-empty = Not signed yet. Write your name in the box below with a finger or the mouse.
signature-drawn = Signed. Press Clear to sign again.
signature-clear = Clear and sign again
check-title = Please check your answers
check-hint = If something is wrong, press Change next to it.
check-problems-title = A few answers need fixing before you can send
check-send-hint = After you press Send, the application is saved on this computer and sent when online.
check-submit = Send
check-sending = Sending…
check-login-first = Please log in before sending. Your answers are kept; you come back here after logging in.
sent-title = Application saved
sent-done-title = Your application has arrived
sent-done-next = Follow it under Progress; you get a message when something happens.
sent-qr-alt = QR code of case number { $number }
sent-qr-caption = At a counter, staff can scan this QR code.
sent-print = Print receipt
sent-see-progress = See progress
sent-home = Back to the start
sent-waiting = Your application is saved on this computer. It is sent automatically when online; there is nothing more to do. The case number shows here once it arrives.
sent-refused = The platform did not take this application: { $reason }. Your answers are kept; staff can help.
progress-login-first = Once you log in, every case you have and how far it got is listed here.
progress-refreshing = Getting the latest progress…
progress-refresh = Refresh
progress-refresh-failed = The latest progress cannot be fetched now; below is the saved copy. ({ $reason })
progress-empty = You have no cases yet.
progress-submitted = Sent: { $when }
progress-evaluate-waiting = Finished: please rate it
case-now = Now: { $status }
case-number = Case number
case-department = Department
case-promised-by = Promised by
case-steps = Steps
item-apply-title = Apply here
item-apply-hint = One question a page; your answers are saved on this computer as you go.
item-apply-start = Start
item-apply-continue = Carry on
item-apply-again = Start a new one
item-apply-unfinished = You began this form earlier and have not sent it yet.
item-apply-counter-only = This cannot be done online yet; please bring the papers to the counter.
item-apply-login-first = Please log in first. You only need your mobile number and the code we text you.
inbox-see-case = See this case's progress

evaluation-level-1 = Very satisfied
evaluation-level-2 = Satisfied
evaluation-level-3 = Fairly satisfied
evaluation-level-4 = Dissatisfied
evaluation-level-5 = Very dissatisfied

case-withdraw-title = Changed your mind?
case-withdraw-left = You can withdraw within 10 minutes of sending; { $minutes } min { $seconds } s left.
case-withdraw = Withdraw this application
case-withdraw-sure = Once withdrawn, this application will not be handled. Withdraw it?
case-withdraw-confirm = Yes, withdraw
case-withdraw-keep = No, keep it
case-evaluate-title = Please rate this case
case-evaluate-hint = This case is finished. Are you satisfied? Your rating goes to the department.
case-evaluate = Rate it
case-evaluated = Your rating: { $level }
case-evaluation-waiting = Your rating is saved on this computer and sent when online.
case-rectification-due = The department will answer you and put it right by { $date }.
case-rectification-reply = The department's answer:
evaluate-title = Are you satisfied with how this was handled?
evaluate-hint = Choose one. If you are dissatisfied, please say why.
evaluate-reason = What was wrong? Please tell us
evaluate-send = Send rating
evaluate-send-hint = The rating is saved on this computer first and sent when online.
case-evaluation-refused = The platform did not take your last rating: { $reason }. Please rate again.

request-form-title = Make a request
request-kind-help = Help: you need a hand from the government
request-kind-consultation = Question: you want something explained
request-kind-complaint = Complaint: something is not right
request-kind-suggestion = Suggestion: you have an idea
request-kind-report = Report: something against the law
request-question-kind = What would you like to do?
request-hint-kind = Choose one.
request-question-description = Please tell us what it is about
request-hint-description = What happened and what you would like done; no special form needed.
request-question-location = Where is it?
request-hint-location = For example: the north gate of your estate. Leave it empty if you are not sure.
request-question-photo = Do you have a photo?
request-hint-photo = A photo makes it clearer. If you have none, just press Next.

request-status-accepted = Accepted
request-status-dispatched = Sent to the department
request-status-handling = Being handled
request-status-replied = Replied
request-status-supervised = Pressed by the supervisor
request-status-closed = Closed
request-status-revisiting = Follow-up: tell us how it went
request-status-revisited = You answered the follow-up
request-status-evaluated = You rated it
request-waiting = Saved on this computer; sent when online

requests-intro = Need help, have a question, a complaint or a good idea? Tell us here. We pass it to the department in charge and ask you afterwards how it went.
requests-login-first = Once you log in you can make requests and follow each one.
requests-new = Make a request
requests-continue = Carry on with your request
requests-empty = You have made no requests yet.
requests-asks-you = Please answer the follow-up or rate it
request-number = Request number
request-number-label = Your request number is:
request-what = What you said
request-where = Place
request-reply = The department's reply
request-answers-waiting = Your answers are saved on this computer and sent when online.
request-follow-up-title = Follow-up: tell us how it went
request-follow-up-hint = The department wants to know whether it was solved.
request-follow-up = Answer the follow-up
request-follow-up-resolved = Was it solved?
request-follow-up-contacted = Did the department get in touch with you?
request-follow-up-comment = Anything else? (optional)
request-follow-up-send = Send answers
request-follow-up-missing = Please answer both: was it solved, and did the department get in touch.
request-sent-next = We pass it to the department in charge and message you when something happens.
request-see = See this request
request-sent-title = Your request has arrived
request-follow-up-send-hint = Your answers are saved on this computer first and sent when online.

case-supplement-title = The department needs more from you
case-supplement = Add what is missing
case-supplement-waiting = What you added is saved on this computer and sent when online.
supplement-title = Add what is missing
supplement-hint = The department says:
supplement-note = A note (optional)
supplement-send = Send
supplement-send-hint = It is saved on this computer first and sent when online.
case-sent-not-pulled = Arrived; fetching its progress
case-refused-here = Not taken by the platform; open it to see why
