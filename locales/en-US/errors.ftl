# Error messages, English: what happened and what to do, in plain words.

error-platform-unreachable = Cannot reach the services platform right now. Please check the network and try again.
error-platform-answered = The services platform says: { $message }
error-platform-malformed = The services platform sent an answer Huiban cannot read. Please try again later, or ask staff for help.
error-config = Huiban's settings have an error. Please ask staff to check them.
error-unknown = Something went wrong. Please try again.
store-recovered = The data saved on this computer could not be opened. It was kept aside, not deleted, and Huiban started afresh; ask staff to help recover it.
error-local-store = The data saved on this computer cannot be read right now. Close Huiban and open it again; if that does not help, ask staff.
attachment-empty = This file is empty. Please choose another file.
attachment-too-large = The file is too large. Please attach a file under 10 MB; a photo can be taken smaller.
attachment-unsupported = Only photos (JPG, PNG, WebP) or PDF files can be attached.
store-unavailable = This computer has no usable keychain, so Huiban cannot keep what you enter here or work offline. Please ask staff for help.
draft-not-found = This unfinished form cannot be found; it may have been sent already. Please look in Progress.
speech-unavailable = This computer cannot read aloud right now: no speech engine was found. Everything on the page is still here; ask staff to turn reading aloud on.
speech-failed = Reading aloud went wrong. Please press Read aloud again.
