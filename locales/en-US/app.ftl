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
catalog-promised-days = Done within { $days } working days
catalog-on-the-spot = Done on the spot
catalog-department = Handled by: { $department }
catalog-fee-free = Free of charge
catalog-fee = Fee: { $yuan } yuan ({ $description })
catalog-retry = Try again

coming-soon-body = This part of Huiban is being built and will be ready soon.
coming-soon-next = For now, choose "Home" to do something else.

queue-status-label = Sending of applications
outbox-waiting = { $count } applications are waiting to be sent; they will go out by themselves when the network is back.
outbox-needs-attention = { $count } applications were not accepted by the platform and need a look; everything you entered is kept.
outbox-all-sent = Every application has reached the services platform.
catalog-offline = The services platform cannot be reached; these are the services saved last time. They update by themselves once the network is back.
