# Words on a service hall's self-service kiosk: welcome, login by QR code, is it you?, still there?,
# I'm done, staff exit.

kiosk-tagline = Self-service
kiosk-welcome-title = Scan with your phone to log in and start
kiosk-welcome-how = Scan the square below with your phone, log in there and press "Allow". No typing here.
kiosk-welcome-qr = QR code for logging in
kiosk-welcome-by-hand = If you cannot scan it, open { $page } in your phone's browser and enter:
kiosk-welcome-code-named = Code: { $code }
kiosk-welcome-waiting = Waiting for you to press "Allow" on your phone…
kiosk-welcome-refused = "Refuse" was pressed on the phone, so nobody logged in. Scan again to try again.
kiosk-staff = Staff
kiosk-is-it-you-title = Is this you?
kiosk-is-it-you-hint = This is the person who allowed the login on the phone. If it is you, press "Yes, it's me".
kiosk-is-it-you-yes = Yes, it's me
kiosk-is-it-you-no = It's not me
kiosk-person = { $name } is using this kiosk
kiosk-done = I'm done
kiosk-idle-title = Are you still there?
kiosk-idle-hint = Nothing has been touched for a while. To protect your details, the kiosk will log you out and clear everything of yours unless you press the button.
kiosk-idle-left = { $seconds } seconds left
kiosk-idle-keep = I'm still using it
kiosk-leave-title = Staff: leave self-service mode
kiosk-leave-hint = Enter the kiosk's staff PIN (4 to 6 digits).
kiosk-leave-pin = Staff PIN
kiosk-leave-blank = Please enter the staff PIN first.
kiosk-leave-button = Leave self-service mode
kiosk-leave-back = Back
kiosk-pin-wrong = That PIN is wrong. { $left } tries left.
kiosk-pin-spent = Too many wrong PINs. Restart the kiosk to try again.
kiosk-out-of-order = This kiosk cannot be used right now. Please ask a member of staff.
kiosk-offline = This kiosk cannot reach the network right now. Please wait a moment or ask a member of staff.
kiosk-login-gone = This login has run out. Please scan again.
kiosk-printer-out-of-paper = This kiosk's printer is out of paper, so receipts cannot be printed for now. Staff can add paper; everything else works.
kiosk-printer-offline = This kiosk's printer is not working, so receipts cannot be printed. Everything else works; the case number is under Progress.
