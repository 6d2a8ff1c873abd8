<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
<context>
    <name>AcceptDialog</name>
    <message>
        <source>Accept order {number}</source>
        <translation>Accept order {number}</translation>
    </message>
    <message>
        <source>How many minutes until it is ready?</source>
        <translation>How many minutes until it is ready?</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} min</translation>
    </message>
    <message>
        <source>Other time:</source>
        <translation>Other time:</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Accept</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
</context>
<context>
    <name>CancelDialog</name>
    <message>
        <source>Cancel order {number}</source>
        <translation>Cancel order {number}</translation>
    </message>
    <message>
        <source>Cancel order {number}?</source>
        <translation>Cancel order {number}?</translation>
    </message>
    <message>
        <source>Why? The platform asks for a reason:</source>
        <translation>Why? The platform asks for a reason:</translation>
    </message>
    <message>
        <source>Back, keep the order</source>
        <translation>Back, keep the order</translation>
    </message>
    <message>
        <source>Cancel the order</source>
        <translation>Cancel the order</translation>
    </message>
</context>
<context>
    <name>Counter</name>
    <message>
        <source>it is already being sent to the platform.</source>
        <translation>it is already being sent to the platform.</translation>
    </message>
    <message>
        <source>the order&apos;s current state does not allow it.</source>
        <translation>the order&apos;s current state does not allow it.</translation>
    </message>
    <message>
        <source>this order is no longer in the database.</source>
        <translation>this order is no longer in the database.</translation>
    </message>
    <message>
        <source>the request was incomplete; please report this to support.</source>
        <translation>the request was incomplete; please report this to support.</translation>
    </message>
    <message>
        <source>POS Bridge&apos;s order service is restarting; try again in a moment.</source>
        <translation>POS Bridge&apos;s order service is restarting; try again in a moment.</translation>
    </message>
    <message>
        <source>this platform account is not connected; check its credentials.</source>
        <translation>this platform account is not connected; check its credentials.</translation>
    </message>
    <message>
        <source>it could not be queued.</source>
        <translation>it could not be queued.</translation>
    </message>
    <message>
        <source>Something went wrong ({task}): {error}. Details are in the log file.</source>
        <translation>Something went wrong ({task}): {error}. Details are in the log file.</translation>
    </message>
    <message>
        <source>Order {number}: the platform did not get our acknowledgement</source>
        <translation>Order {number}: the platform did not get our acknowledgement</translation>
    </message>
    <message>
        <source>Order {number}: {action} FAILED</source>
        <translation>Order {number}: {action} FAILED</translation>
    </message>
    <message>
        <source>The platform said: {answer}</source>
        <translation>The platform said: {answer}</translation>
    </message>
    <message>
        <source>{account}: POS Bridge&apos;s order service stopped at {time} and was started again by itself. No order was lost.</source>
        <translation>{account}: POS Bridge&apos;s order service stopped at {time} and was started again by itself. No order was lost.</translation>
    </message>
    <message>
        <source>New order {number}</source>
        <translation>New order {number}</translation>
    </message>
    <message numerus="yes">
        <source>%n new orders</source>
        <translation>
            <numerusform>%n new order</numerusform>
            <numerusform>%n new orders</numerusform>
        </translation>
    </message>
    <message>
        <source>Order {number} was CANCELLED</source>
        <translation>Order {number} was CANCELLED</translation>
    </message>
    <message>
        <source>Stop preparing it, then confirm in POS Bridge that you saw it.</source>
        <translation>Stop preparing it, then confirm in POS Bridge that you saw it.</translation>
    </message>
    <message>
        <source>Order {number}: the customer asks to cancel</source>
        <translation>Order {number}: the customer asks to cancel</translation>
    </message>
    <message>
        <source>{account}: an order could not be read</source>
        <translation>{account}: an order could not be read</translation>
    </message>
    <message>
        <source>It was kept but NOT acknowledged. Open it under Problems.</source>
        <translation>It was kept but NOT acknowledged. Open it under Problems.</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) waiting to be opened</source>
        <translation>
            <numerusform>%n order waiting to be opened</numerusform>
            <numerusform>%n orders waiting to be opened</numerusform>
        </translation>
    </message>
    <message>
        <source>No unopened orders</source>
        <translation>No unopened orders</translation>
    </message>
    <message numerus="yes">
        <source>%n NEW ORDER(S): {numbers}. Tap to open.</source>
        <translation>
            <numerusform>%n NEW ORDER: {numbers}. Tap to open.</numerusform>
            <numerusform>%n NEW ORDERS: {numbers}. Tap to open.</numerusform>
        </translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) CANCELLED: {numbers}. Stop preparing, open and confirm.</source>
        <translation>
            <numerusform>%n order CANCELLED: {numbers}. Stop preparing, open and confirm.</numerusform>
            <numerusform>%n orders CANCELLED: {numbers}. Stop preparing, open and confirm.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) with a PROBLEM: {numbers}.</source>
        <translation>
            <numerusform>%n order with a PROBLEM: {numbers}.</numerusform>
            <numerusform>%n orders with a PROBLEM: {numbers}.</numerusform>
        </translation>
    </message>
    <message>
        <source>DEMO — these orders come from the built-in simulator, not from real customers.</source>
        <translation>DEMO — these orders come from the built-in simulator, not from real customers.</translation>
    </message>
    <message>
        <source>Alert sounds are MUTED: new orders will not ring.</source>
        <translation>Alert sounds are MUTED: new orders will not ring.</translation>
    </message>
    <message>
        <source>Unmute</source>
        <translation>Unmute</translation>
    </message>
    <message>
        <source>{account} is OFFLINE since {time}: new orders cannot arrive. Check the internet connection.</source>
        <translation>{account} is OFFLINE since {time}: new orders cannot arrive. Check the internet connection.</translation>
    </message>
    <message>
        <source>{account}: the platform refused the login. No orders arrive until the credentials are fixed.</source>
        <translation>{account}: the platform refused the login. No orders arrive until the credentials are fixed.</translation>
    </message>
    <message>
        <source>{account}: POS Bridge&apos;s order service stopped and is being started again. Orders already received are safe.</source>
        <translation>{account}: POS Bridge&apos;s order service stopped and is being started again. Orders already received are safe.</translation>
    </message>
    <message>
        <source>{account}: POS Bridge has stopped checking for orders. Restart POS Bridge if this does not clear.</source>
        <translation>{account}: POS Bridge has stopped checking for orders. Restart POS Bridge if this does not clear.</translation>
    </message>
    <message>
        <source>{account}: the platform answers with errors; orders may arrive late.</source>
        <translation>{account}: the platform answers with errors; orders may arrive late.</translation>
    </message>
    <message>
        <source>Not sent: {reason}</source>
        <translation>Not sent: {reason}</translation>
    </message>
    <message>
        <source>POS Bridge is still running</source>
        <translation>POS Bridge is still running</translation>
    </message>
    <message>
        <source>Orders keep arriving. Quit from the tray menu.</source>
        <translation>Orders keep arriving. Quit from the tray menu.</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <source>Something went wrong inside POS Bridge: {error}. Orders keep being saved. The details are in the log file: {path}</source>
        <translation>Something went wrong inside POS Bridge: {error}. Orders keep being saved. The details are in the log file: {path}</translation>
    </message>
</context>
<context>
    <name>FirstRunWindow</name>
    <message>
        <source>POS Bridge — first start</source>
        <translation>POS Bridge — first start</translation>
    </message>
    <message>
        <source>Welcome to POS Bridge</source>
        <translation>Welcome to POS Bridge</translation>
    </message>
    <message>
        <source>The configuration cannot be used: {error}</source>
        <translation>The configuration cannot be used: {error}</translation>
    </message>
    <message>
        <source>There is no configuration yet, so POS Bridge does not know your accounts.</source>
        <translation>There is no configuration yet, so POS Bridge does not know your accounts.</translation>
    </message>
    <message>
        <source>Create the file {path} with one [[accounts]] block per platform account, like the example below, then start POS Bridge again. Secrets (tokens, passwords) stay in the system keyring, never in the file. To see POS Bridge work first, try the demo: it uses a built-in simulator and changes nothing on your PC.</source>
        <translation>Create the file {path} with one [[accounts]] block per platform account, like the example below, then start POS Bridge again. Secrets (tokens, passwords) stay in the system keyring, never in the file. To see POS Bridge work first, try the demo: it uses a built-in simulator and changes nothing on your PC.</translation>
    </message>
    <message>
        <source>Try the demo</source>
        <translation>Try the demo</translation>
    </message>
    <message>
        <source>Open the folder</source>
        <translation>Open the folder</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <source>NEW</source>
        <translation>NEW</translation>
    </message>
    <message>
        <source>Preparing</source>
        <translation>Preparing</translation>
    </message>
    <message>
        <source>On the way</source>
        <translation>On the way</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Cancel requested</source>
        <translation>Cancel requested</translation>
    </message>
    <message>
        <source>CANCELLED</source>
        <translation>CANCELLED</translation>
    </message>
    <message>
        <source>Check on platform</source>
        <translation>Check on platform</translation>
    </message>
    <message>
        <source>Acknowledgement</source>
        <translation>Acknowledgement</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Accept</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Complete</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Allocate</source>
        <translation>Allocate</translation>
    </message>
    <message>
        <source>Confirm cancellation</source>
        <translation>Confirm cancellation</translation>
    </message>
    <message>
        <source>Reject cancellation</source>
        <translation>Reject cancellation</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Sending…</translation>
    </message>
    <message>
        <source>Sent ✓</source>
        <translation>Sent ✓</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>FAILED</translation>
    </message>
    <message>
        <source>No longer needed</source>
        <translation>No longer needed</translation>
    </message>
    <message>
        <source>{status} → {action}…</source>
        <translation>{status} → {action}…</translation>
    </message>
    <message>
        <source>{status} · {action} FAILED</source>
        <translation>{status} · {action} FAILED</translation>
    </message>
    <message>
        <source>✓ Yes</source>
        <translation>✓ Yes</translation>
    </message>
    <message>
        <source>⚠ NO</source>
        <translation>⚠ NO</translation>
    </message>
    <message>
        <source>{n} s</source>
        <translation>{n} s</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} min</translation>
    </message>
    <message>
        <source>{h} h {m:02d} min</source>
        <translation>{h} h {m:02d} min</translation>
    </message>
    <message>
        <source>{n} d</source>
        <translation>{n} d</translation>
    </message>
    <message>
        <source>LATE {time}</source>
        <translation>LATE {time}</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Status changed</source>
        <translation>Status changed</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <source>Cancellation seen by staff</source>
        <translation>Cancellation seen by staff</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Opened</translation>
    </message>
    <message>
        <source>{action} sent</source>
        <translation>{action} sent</translation>
    </message>
    <message>
        <source>{action} failed</source>
        <translation>{action} failed</translation>
    </message>
    <message>
        <source>{action} requested</source>
        <translation>{action} requested</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Delivery</translation>
    </message>
    <message>
        <source>Pickup by the customer</source>
        <translation>Pickup by the customer</translation>
    </message>
    <message>
        <source>Shipping</source>
        <translation>Shipping</translation>
    </message>
</context>
<context>
    <name>GuiApp</name>
    <message>
        <source>POS Bridge cannot start</source>
        <translation>POS Bridge cannot start</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Search: order number, customer, dish…</source>
        <translation>Search: order number, customer, dish…</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Volume</translation>
    </message>
    <message>
        <source>&amp;POS Bridge</source>
        <translation>&amp;POS Bridge</translation>
    </message>
    <message>
        <source>Hide to the tray</source>
        <translation>Hide to the tray</translation>
    </message>
    <message>
        <source>Minimise</source>
        <translation>Minimise</translation>
    </message>
    <message>
        <source>&amp;Quit POS Bridge</source>
        <translation>&amp;Quit POS Bridge</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>&amp;Sound</source>
        <translation>&amp;Sound</translation>
    </message>
    <message>
        <source>Mute alert sounds</source>
        <translation>Mute alert sounds</translation>
    </message>
    <message>
        <source>Play the alert sounds (test)</source>
        <translation>Play the alert sounds (test)</translation>
    </message>
    <message>
        <source>Sound: MUTED</source>
        <translation>Sound: MUTED</translation>
    </message>
    <message>
        <source>Sound: on</source>
        <translation>Sound: on</translation>
    </message>
    <message>
        <source>POS Bridge — orders</source>
        <translation>POS Bridge — orders</translation>
    </message>
    <message>
        <source>POS Bridge — DEMO</source>
        <translation>POS Bridge — DEMO</translation>
    </message>
    <message>
        <source>All ({n})</source>
        <translation>All ({n})</translation>
    </message>
    <message>
        <source>Needs action ({n})</source>
        <translation>Needs action ({n})</translation>
    </message>
    <message>
        <source>In progress ({n})</source>
        <translation>In progress ({n})</translation>
    </message>
    <message>
        <source>Done ({n})</source>
        <translation>Done ({n})</translation>
    </message>
    <message>
        <source>Problems ({n})</source>
        <translation>Problems ({n})</translation>
    </message>
</context>
<context>
    <name>OrderDetailPane</name>
    <message>
        <source>Tap an order in the list to see it here.</source>
        <translation>Tap an order in the list to see it here.</translation>
    </message>
    <message>
        <source>✓ Accept…</source>
        <translation>✓ Accept…</translation>
    </message>
    <message>
        <source>✕ Cancel order…</source>
        <translation>✕ Cancel order…</translation>
    </message>
    <message>
        <source>➜ On the way</source>
        <translation>➜ On the way</translation>
    </message>
    <message>
        <source>✓ Complete</source>
        <translation>✓ Complete</translation>
    </message>
    <message>
        <source>I have seen this cancellation</source>
        <translation>I have seen this cancellation</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>Sent to platform</source>
        <translation>Sent to platform</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Raw data</source>
        <translation>Raw data</translation>
    </message>
    <message>
        <source>received {time} ({ago} ago)</source>
        <translation>received {time} ({ago} ago)</translation>
    </message>
    <message>
        <source>time left: {time}</source>
        <translation>time left: {time}</translation>
    </message>
    <message>
        <source>This order was CANCELLED. Stop preparing it.</source>
        <translation>This order was CANCELLED. Stop preparing it.</translation>
    </message>
    <message>
        <source>The customer asks to cancel this order.</source>
        <translation>The customer asks to cancel this order.</translation>
    </message>
    <message>
        <source>UNREADABLE</source>
        <translation>UNREADABLE</translation>
    </message>
    <message>
        <source>{account} · first seen {time} · seen {n} times</source>
        <translation>{account} · first seen {time} · seen {n} times</translation>
    </message>
    <message>
        <source>The platform sent an order POS Bridge cannot read. It was kept but NOT acknowledged. Check it on the platform&apos;s own panel and call support. Reason: {reason}</source>
        <translation>The platform sent an order POS Bridge cannot read. It was kept but NOT acknowledged. Check it on the platform&apos;s own panel and call support. Reason: {reason}</translation>
    </message>
    <message>
        <source>The platform has not received our acknowledgement yet. It keeps trying. The platform said: {answer}</source>
        <translation>The platform has not received our acknowledgement yet. It keeps trying. The platform said: {answer}</translation>
    </message>
    <message>
        <source>{action} failed. The platform said: {answer}</source>
        <translation>{action} failed. The platform said: {answer}</translation>
    </message>
    <message>
        <source>({n} min)</source>
        <translation>({n} min)</translation>
    </message>
    <message>
        <source>(try {n})</source>
        <translation>(try {n})</translation>
    </message>
    <message>
        <source>The platform said: {answer}</source>
        <translation>The platform said: {answer}</translation>
    </message>
    <message>
        <source>The item list has a shape POS Bridge does not know: see Raw data.</source>
        <translation>The item list has a shape POS Bridge does not know: see Raw data.</translation>
    </message>
    <message>
        <source>Delivery fee</source>
        <translation>Delivery fee</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Discount</translation>
    </message>
    <message>
        <source>Tip</source>
        <translation>Tip</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Note from the customer:</source>
        <translation>Note from the customer:</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Delivery</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Payment</translation>
    </message>
    <message>
        <source>Placed</source>
        <translation>Placed</translation>
    </message>
    <message>
        <source>Platform status</source>
        <translation>Platform status</translation>
    </message>
    <message>
        <source>Platform key</source>
        <translation>Platform key</translation>
    </message>
    <message>
        <source>Nothing sent yet.</source>
        <translation>Nothing sent yet.</translation>
    </message>
    <message>
        <source>platform</source>
        <translation>platform</translation>
    </message>
    <message>
        <source>staff</source>
        <translation>staff</translation>
    </message>
    <message>
        <source>POS Bridge</source>
        <translation>POS Bridge</translation>
    </message>
</context>
<context>
    <name>OrdersModel</name>
    <message>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Platform</translation>
    </message>
    <message>
        <source>Order no.</source>
        <translation>Order no.</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Time left</translation>
    </message>
    <message>
        <source>⚠ UNREADABLE</source>
        <translation>⚠ UNREADABLE</translation>
    </message>
    <message>
        <source>Not acknowledged</source>
        <translation>Not acknowledged</translation>
    </message>
</context>
<context>
    <name>QuitDialog</name>
    <message>
        <source>Quit POS Bridge?</source>
        <translation>Quit POS Bridge?</translation>
    </message>
    <message>
        <source>While POS Bridge is closed, new orders are not received or acknowledged, and the platforms may cancel them.</source>
        <translation>While POS Bridge is closed, new orders are not received or acknowledged, and the platforms may cancel them.</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Keep running</source>
        <translation>Keep running</translation>
    </message>
</context>
<context>
    <name>Sound</name>
    <message>
        <source>Sound cannot play on this PC (the sound system is missing): order alerts are SILENT.</source>
        <translation>Sound cannot play on this PC (the sound system is missing): order alerts are SILENT.</translation>
    </message>
    <message>
        <source>No speakers or headphones found: order alerts are SILENT.</source>
        <translation>No speakers or headphones found: order alerts are SILENT.</translation>
    </message>
    <message>
        <source>The alert sounds cannot be played (audio error): order alerts are SILENT.</source>
        <translation>The alert sounds cannot be played (audio error): order alerts are SILENT.</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>last poll {time}</source>
        <translation>last poll {time}</translation>
    </message>
    <message>
        <source>{ms} ms</source>
        <translation>{ms} ms</translation>
    </message>
    <message>
        <source>{name} · connecting…</source>
        <translation>{name} · connecting…</translation>
    </message>
    <message>
        <source>{name} · stopped</source>
        <translation>{name} · stopped</translation>
    </message>
    <message>
        <source>{name} · OFFLINE</source>
        <translation>{name} · OFFLINE</translation>
    </message>
    <message>
        <source>{name} · LOGIN REFUSED</source>
        <translation>{name} · LOGIN REFUSED</translation>
    </message>
    <message>
        <source>{name} · NOT POLLING</source>
        <translation>{name} · NOT POLLING</translation>
    </message>
    <message>
        <source>{name} · RESTARTING</source>
        <translation>{name} · RESTARTING</translation>
    </message>
    <message>
        <source>{name} · errors from the platform</source>
        <translation>{name} · errors from the platform</translation>
    </message>
    <message>
        <source>since {time} ({ago})</source>
        <translation>since {time} ({ago})</translation>
    </message>
    <message>
        <source>last good poll {time}</source>
        <translation>last good poll {time}</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Show the orders window</source>
        <translation>Show the orders window</translation>
    </message>
    <message>
        <source>Mute alert sounds</source>
        <translation>Mute alert sounds</translation>
    </message>
    <message>
        <source>Quit POS Bridge</source>
        <translation>Quit POS Bridge</translation>
    </message>
    <message>
        <source>No unopened orders</source>
        <translation>No unopened orders</translation>
    </message>
</context>
</TS>
