<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en">
    <context>
        <name>app</name>
        <message>
            <source>{what}.</source>
            <translation>{what}.</translation>
        </message>
        <message>
            <source>That approval does not cover this; nothing changed.</source>
            <translation>That approval does not cover this; nothing changed.</translation>
        </message>
        <message>
            <source>Scan the items first, then the store credit.</source>
            <translation>Scan the items first, then the store credit.</translation>
        </message>
        <message>
            <source>Store credit needs the backend; this till has none.</source>
            <translation>Store credit needs the backend; this till has none.</translation>
        </message>
        <message>
            <source>This store credit is already on the sale.</source>
            <translation>This store credit is already on the sale.</translation>
        </message>
        <message>
            <source>Store credit {code} is not known (a credit issued offline works once its till synced).</source>
            <translation>Store credit {code} is not known (a credit issued offline works once its till synced).</translation>
        </message>
        <message>
            <source>This store credit is in {currency}.</source>
            <translation>This store credit is in {currency}.</translation>
        </message>
        <message>
            <source>Nothing is left on store credit {code}.</source>
            <translation>Nothing is left on store credit {code}.</translation>
        </message>
        <message>
            <source>The store credit was refused: {why}.</source>
            <translation>The store credit was refused: {why}.</translation>
        </message>
        <message>
            <source>Store credit: {amount} taken ({left} left on it). Take the rest: {rest}.</source>
            <translation>Store credit: {amount} taken ({left} left on it). Take the rest: {rest}.</translation>
        </message>
        <message>
            <source>The backend cannot be reached ({error}): store credit cannot be used now. Take another tender.</source>
            <translation>The backend cannot be reached ({error}): store credit cannot be used now. Take another tender.</translation>
        </message>
        <message>
            <source>Finish or give up the exchange in progress first.</source>
            <translation>Finish or give up the exchange in progress first.</translation>
        </message>
        <message>
            <source>An exchange needs the purchase checked by the backend; take this back as a return instead.</source>
            <translation>An exchange needs the purchase checked by the backend; take this back as a return instead.</translation>
        </message>
        <message>
            <source>Exchange: {credit} credit for the items from {label}. Scan the new items on Sell, then complete the exchange here.</source>
            <translation>Exchange: {credit} credit for the items from {label}. Scan the new items on Sell, then complete the exchange here.</translation>
        </message>
        <message>
            <source>No exchange is waiting.</source>
            <translation>No exchange is waiting.</translation>
        </message>
        <message>
            <source>Scan the new items on Sell first.</source>
            <translation>Scan the new items on Sell first.</translation>
        </message>
        <message>
            <source>Exchange credit {credit} taken. The customer pays {rest}: press Cash or Card on Sell.</source>
            <translation>Exchange credit {credit} taken. The customer pays {rest}: press Cash or Card on Sell.</translation>
        </message>
        <message>
            <source>Exchange done: give the customer {cash} in cash.</source>
            <translation>Exchange done: give the customer {cash} in cash.</translation>
        </message>
        <message>
            <source>Exchange done: {amount} refunded.</source>
            <translation>Exchange done: {amount} refunded.</translation>
        </message>
        <message>
            <source>Exchange done: nothing to pay either way.</source>
            <translation>Exchange done: nothing to pay either way.</translation>
        </message>
        <message>
            <source>Attach the member first: coupons are theirs.</source>
            <translation>Attach the member first: coupons are theirs.</translation>
        </message>
        <message>
            <source>This coupon is not the member's, or not in force.</source>
            <translation>This coupon is not the member's, or not in force.</translation>
        </message>
        <message>
            <source>Coupon {name} is on the sale.</source>
            <translation>Coupon {name} is on the sale.</translation>
        </message>
        <message>
            <source>already used (another till or the web)</source>
            <translation>already used (another till or the web)</translation>
        </message>
        <message>
            <source>not this member's</source>
            <translation>not this member's</translation>
        </message>
        <message>
            <source>cannot be checked offline; the member keeps it</source>
            <translation>cannot be checked offline; the member keeps it</translation>
        </message>
        <message>
            <source>The sale changed meanwhile. Take the payment again.</source>
            <translation>The sale changed meanwhile. Take the payment again.</translation>
        </message>
        <message>
            <source>Coupon {name} was taken off: {why}. The total is now {total}: take the payment again.</source>
            <translation>Coupon {name} was taken off: {why}. The total is now {total}: take the payment again.</translation>
        </message>
        <message>
            <source>Part of this sale is paid: finish it first.</source>
            <translation>Part of this sale is paid: finish it first.</translation>
        </message>
        <message>
            <source>This shared cart is not known (or no longer kept).</source>
            <translation>This shared cart is not known (or no longer kept).</translation>
        </message>
        <message>
            <source>The shared cart cannot be loaded: the backend cannot be reached.</source>
            <translation>The shared cart cannot be loaded: the backend cannot be reached.</translation>
        </message>
        <message>
            <source>Shared cart: {added} of {total} lines added, {repriced} at the shop's price; {left} not added (listed).</source>
            <translation>Shared cart: {added} of {total} lines added, {repriced} at the shop's price; {left} not added (listed).</translation>
        </message>
        <message>
            <source>The sale is empty.</source>
            <translation>The sale is empty.</translation>
        </message>
        <message>
            <source>A cart for the app holds at most 200 lines.</source>
            <translation>A cart for the app holds at most 200 lines.</translation>
        </message>
        <message>
            <source>The cart cannot be handed over: the backend cannot be reached.</source>
            <translation>The cart cannot be handed over: the backend cannot be reached.</translation>
        </message>
        <message>
            <source>The customer scans this code with the OMO app to finish there. The sale stays open here: void or park it once they have it.</source>
            <translation>The customer scans this code with the OMO app to finish there. The sale stays open here: void or park it once they have it.</translation>
        </message>
        <message>
            <source>Attach the member first: points pay only for their own sale.</source>
            <translation>Attach the member first: points pay only for their own sale.</translation>
        </message>
        <message>
            <source>The member's points cannot be read now (offline). Take another tender.</source>
            <translation>The member's points cannot be read now (offline). Take another tender.</translation>
        </message>
        <message>
            <source>Offline, this till takes at most {cap} points. Take another tender.</source>
            <translation>Offline, this till takes at most {cap} points. Take another tender.</translation>
        </message>
        <message>
            <source>Points cannot be redeemed while the backend cannot be reached.</source>
            <translation>Points cannot be redeemed while the backend cannot be reached.</translation>
        </message>
        <message>
            <source>The member has {balance} points, fewer than {points}.</source>
            <translation>The member has {balance} points, fewer than {points}.</translation>
        </message>
        <message>
            <source>{points} points ({amount}) taken. Take the rest: {rest}.</source>
            <translation>{points} points ({amount}) taken. Take the rest: {rest}.</translation>
        </message>
        <message>
            <source>Basic</source>
            <translation>Basic</translation>
        </message>
        <message>
            <source>Silver</source>
            <translation>Silver</translation>
        </message>
        <message>
            <source>Gold</source>
            <translation>Gold</translation>
        </message>
        <message>
            <source>Platinum</source>
            <translation>Platinum</translation>
        </message>
        <message>
            <source>The backend did not accept this member code (expired, cancelled or not genuine). Ask the member to reopen the code in the app, or type the member number.</source>
            <translation>The backend did not accept this member code (expired, cancelled or not genuine). Ask the member to reopen the code in the app, or type the member number.</translation>
        </message>
        <message>
            <source>Log in first.</source>
            <translation>Log in first.</translation>
        </message>
        <message>
            <source>Your role cannot look up members.</source>
            <translation>Your role cannot look up members.</translation>
        </message>
        <message>
            <source>This till has no OMO backend: members cannot be found.</source>
            <translation>This till has no OMO backend: members cannot be found.</translation>
        </message>
        <message>
            <source>Scan the member's code, or type a number, name, phone or e-mail.</source>
            <translation>Scan the member's code, or type a number, name, phone or e-mail.</translation>
        </message>
        <message>
            <source>The backend cannot be reached: scan the member's code or type their number.</source>
            <translation>The backend cannot be reached: scan the member's code or type their number.</translation>
        </message>
        <message>
            <source>The member search failed. Try again.</source>
            <translation>The member search failed. Try again.</translation>
        </message>
        <message>
            <source>No member found.</source>
            <translation>No member found.</translation>
        </message>
        <message>
            <source>Members found: {n}.</source>
            <translation>Members found: {n}.</translation>
        </message>
        <message>
            <source>There is no member {no}.</source>
            <translation>There is no member {no}.</translation>
        </message>
        <message>
            <source>The backend cannot be reached and member {no} is not in this till's cache.</source>
            <translation>The backend cannot be reached and member {no} is not in this till's cache.</translation>
        </message>
        <message>
            <source>The member could not be opened. Try again.</source>
            <translation>The member could not be opened. Try again.</translation>
        </message>
        <message>
            <source>The backend cannot be reached: showing what this till kept.</source>
            <translation>The backend cannot be reached: showing what this till kept.</translation>
        </message>
        <message>
            <source>The check-in could not be recorded. Try again.</source>
            <translation>The check-in could not be recorded. Try again.</translation>
        </message>
        <message>
            <source>Member {no} has already checked in today.</source>
            <translation>Member {no} has already checked in today.</translation>
        </message>
        <message>
            <source>Member {no} checked in: {points} points (provisional).</source>
            <translation>Member {no} checked in: {points} points (provisional).</translation>
        </message>
        <message>
            <source>The enrolment could not be recorded. Try again.</source>
            <translation>The enrolment could not be recorded. Try again.</translation>
        </message>
        <message>
            <source>Welcome, {name}! Member number {no}: usable now; the backend confirms it when it syncs.</source>
            <translation>Welcome, {name}! Member number {no}: usable now; the backend confirms it when it syncs.</translation>
        </message>
        <message>
            <source>No member data is kept on this till.</source>
            <translation>No member data is kept on this till.</translation>
        </message>
        <message>
            <source>Removed {n} cached members.</source>
            <translation>Removed {n} cached members.</translation>
        </message>
        <message>
            <source>Wait: the hand-over is being recorded.</source>
            <translation>Wait: the hand-over is being recorded.</translation>
        </message>
        <message>
            <source>Pickups need the backend; this till has none.</source>
            <translation>Pickups need the backend; this till has none.</translation>
        </message>
        <message>
            <source>The backend cannot be reached ({error}): pickups wait until it is back.</source>
            <translation>The backend cannot be reached ({error}): pickups wait until it is back.</translation>
        </message>
        <message>
            <source>{n} orders waiting for pickup; {late} not collected in time.</source>
            <translation>{n} orders waiting for pickup; {late} not collected in time.</translation>
        </message>
        <message>
            <source>Scan the order's QR code or type its number.</source>
            <translation>Scan the order's QR code or type its number.</translation>
        </message>
        <message>
            <source>There is no online order {order}.</source>
            <translation>There is no online order {order}.</translation>
        </message>
        <message>
            <source>Order {order} is {status}, not waiting for pickup.</source>
            <translation>Order {order} is {status}, not waiting for pickup.</translation>
        </message>
        <message>
            <source>Order {order} waits at another store ({store}).</source>
            <translation>Order {order} waits at another store ({store}).</translation>
        </message>
        <message>
            <source>Order {order}{shelf} was not collected in time: hand it over if the customer is here, or take it back to stock.</source>
            <translation>Order {order}{shelf} was not collected in time: hand it over if the customer is here, or take it back to stock.</translation>
        </message>
        <message>
            <source>Order {order}{shelf} for {customer}: check the customer, then hand it over.</source>
            <translation>Order {order}{shelf} for {customer}: check the customer, then hand it over.</translation>
        </message>
        <message>
            <source>Open the order first.</source>
            <translation>Open the order first.</translation>
        </message>
        <message>
            <source>Say what the customer gave: name, card digits or code.</source>
            <translation>Say what the customer gave: name, card digits or code.</translation>
        </message>
        <message>
            <source>That does not match order {order}.</source>
            <translation>That does not match order {order}.</translation>
        </message>
        <message>
            <source>Customer checked. Hand the order over.</source>
            <translation>Customer checked. Hand the order over.</translation>
        </message>
        <message>
            <source>Line {line}: {waiting} waiting.</source>
            <translation>Line {line}: {waiting} waiting.</translation>
        </message>
        <message>
            <source>Check the customer first: their name, the card's last digits, or the app's code.</source>
            <translation>Check the customer first: their name, the card's last digits, or the app's code.</translation>
        </message>
        <message>
            <source>Nothing is handed over: give at least one item.</source>
            <translation>Nothing is handed over: give at least one item.</translation>
        </message>
        <message>
            <source>Say why {n} × {item} is not taken.</source>
            <translation>Say why {n} × {item} is not taken.</translation>
        </message>
        <message>
            <source>hand over order {order}</source>
            <translation>hand over order {order}</translation>
        </message>
        <message>
            <source>The hand-over could NOT be saved ({error}): keep the goods; try again.</source>
            <translation>The hand-over could NOT be saved ({error}): keep the goods; try again.</translation>
        </message>
        <message>
            <source>Order {order} was NOT handed over here: the backend says {reason}. Another till may have handed it over already: keep the goods and open the order again.</source>
            <translation>Order {order} was NOT handed over here: the backend says {reason}. Another till may have handed it over already: keep the goods and open the order again.</translation>
        </message>
        <message>
            <source>Order {order}: {units} items handed over; the customer's app shows it.</source>
            <translation>Order {order}: {units} items handed over; the customer's app shows it.</translation>
        </message>
        <message>
            <source>Order {order}: {units} items handed over; the backend hears of it when the till is online.</source>
            <translation>Order {order}: {units} items handed over; the backend hears of it when the till is online.</translation>
        </message>
        <message>
            <source>Returns are not available on this till.</source>
            <translation>Returns are not available on this till.</translation>
        </message>
        <message>
            <source>This till has no backend: returns cannot be checked.</source>
            <translation>This till has no backend: returns cannot be checked.</translation>
        </message>
        <message>
            <source>The backend refused this return: {why}. Nothing was refunded.</source>
            <translation>The backend refused this return: {why}. Nothing was refunded.</translation>
        </message>
        <message>
            <source>The backend does not know it: {why}.</source>
            <translation>The backend does not know it: {why}.</translation>
        </message>
        <message>
            <source>The backend cannot check this return now ({error}). Nothing was refunded. Try again, or a manager may approve an unverified return to store credit.</source>
            <translation>The backend cannot check this return now ({error}). Nothing was refunded. Try again, or a manager may approve an unverified return to store credit.</translation>
        </message>
        <message>
            <source>That return is not on this till.</source>
            <translation>That return is not on this till.</translation>
        </message>
        <message>
            <source>Return {no} was already recorded.</source>
            <translation>Return {no} was already recorded.</translation>
        </message>
        <message>
            <source>The refund was made but the return could not be saved ({error}). Do not refund again: press Finish to save it.</source>
            <translation>The refund was made but the return could not be saved ({error}). Do not refund again: press Finish to save it.</translation>
        </message>
        <message>
            <source>Card refunds are off on this till ({why}). Refund this part another way, or from a till with a card reader.</source>
            <translation>Card refunds are off on this till ({why}). Refund this part another way, or from a till with a card reader.</translation>
        </message>
        <message>
            <source>The Interac refund was cancelled; nothing was refunded yet.</source>
            <translation>The Interac refund was cancelled; nothing was refunded yet.</translation>
        </message>
        <message>
            <source>The Interac refund did not go through: {why}. Try again.</source>
            <translation>The Interac refund did not go through: {why}. Try again.</translation>
        </message>
        <message>
            <source>The reader timed out waiting for the Interac card. Try again.</source>
            <translation>The reader timed out waiting for the Interac card. Try again.</translation>
        </message>
        <message>
            <source>The card refund of {amount} could not be confirmed ({why}). Nothing is lost: press Retry; the customer is never refunded twice.</source>
            <translation>The card refund of {amount} could not be confirmed ({why}). Nothing is lost: press Retry; the customer is never refunded twice.</translation>
        </message>
        <message>
            <source>Stripe refused the card refund of {amount}: {why} Refund that part another way (store credit or cash), or give the return up if nothing was refunded.</source>
            <translation>Stripe refused the card refund of {amount}: {why} Refund that part another way (store credit or cash), or give the return up if nothing was refunded.</translation>
        </message>
        <message>
            <source>That return is not waiting.</source>
            <translation>That return is not waiting.</translation>
        </message>
        <message>
            <source>Part of this return was already refunded to the card: finish it instead.</source>
            <translation>Part of this return was already refunded to the card: finish it instead.</translation>
        </message>
        <message>
            <source>The backend cannot be reached to release the items ({error}).</source>
            <translation>The backend cannot be reached to release the items ({error}).</translation>
        </message>
        <message>
            <source>The return was given up; nothing was refunded.</source>
            <translation>The return was given up; nothing was refunded.</translation>
        </message>
        <message>
            <source>Wrong size</source>
            <translation>Wrong size</translation>
        </message>
        <message>
            <source>Changed mind</source>
            <translation>Changed mind</translation>
        </message>
        <message>
            <source>Faulty</source>
            <translation>Faulty</translation>
        </message>
        <message>
            <source>Not as described</source>
            <translation>Not as described</translation>
        </message>
        <message>
            <source>Arrived too late</source>
            <translation>Arrived too late</translation>
        </message>
        <message>
            <source>Not collected</source>
            <translation>Not collected</translation>
        </message>
        <message>
            <source>Too many wrong checks for order {order}: the backend checks no more for {minutes} min. Scan the order's QR code in the customer's app instead.</source>
            <translation>Too many wrong checks for order {order}: the backend checks no more for {minutes} min. Scan the order's QR code in the customer's app instead.</translation>
        </message>
        <message>
            <source>Wait: a refund is being made.</source>
            <translation>Wait: a refund is being made.</translation>
        </message>
        <message>
            <source>Scan the order or receipt, or type its number.</source>
            <translation>Scan the order or receipt, or type its number.</translation>
        </message>
        <message>
            <source>There is no sale or online order {typed}. A sale of another till is found once that till has synced; a return receipt cannot be taken back.</source>
            <translation>There is no sale or online order {typed}. A sale of another till is found once that till has synced; a return receipt cannot be taken back.</translation>
        </message>
        <message>
            <source>{typed} is not an order, receipt or member number.</source>
            <translation>{typed} is not an order, receipt or member number.</translation>
        </message>
        <message>
            <source>{receipt_no} is a return receipt, not a sale: returns are taken back from the original sale's receipt. Scan or type the number of the original purchase.</source>
            <translation>{receipt_no} is a return receipt, not a sale: returns are taken back from the original sale's receipt. Scan or type the number of the original purchase.</translation>
        </message>
        <message>
            <source>{receipt_no} is a return receipt (of {original}), not a sale: returns are taken back from the original sale's receipt. Scan or type {original}.</source>
            <translation>{receipt_no} is a return receipt (of {original}), not a sale: returns are taken back from the original sale's receipt. Scan or type {original}.</translation>
        </message>
        <message>
            <source>The backend cannot be reached ({error}): online orders and other tills' sales cannot be looked up now. A sale of this till can still be taken back (unverified, store credit).</source>
            <translation>The backend cannot be reached ({error}): online orders and other tills' sales cannot be looked up now. A sale of this till can still be taken back (unverified, store credit).</translation>
        </message>
        <message>
            <source>no backend</source>
            <translation>no backend</translation>
        </message>
        <message>
            <source>This sale is not known here or at the backend yet (a sale of another till arrives when that till syncs). Try again in a moment.</source>
            <translation>This sale is not known here or at the backend yet (a sale of another till arrives when that till syncs). Try again in a moment.</translation>
        </message>
        <message>
            <source>Sale {receipt_no} from this till's journal: the backend cannot check it now, so it can only be an unverified return to store credit (a manager approves).</source>
            <translation>Sale {receipt_no} from this till's journal: the backend cannot check it now, so it can only be an unverified return to store credit (a manager approves).</translation>
        </message>
        <message>
            <source>Order {label} found by its number: check the customer (name, the card's last digits or the code in their app) to see what is on it.</source>
            <translation>Order {label} found by its number: check the customer (name, the card's last digits or the code in their app) to see what is on it.</translation>
        </message>
        <message>
            <source>{label}: everything on it was already returned.</source>
            <translation>{label}: everything on it was already returned.</translation>
        </message>
        <message>
            <source>Order {label} found by its number: check the customer (name, the card's last digits or the code in their app) before refunding.</source>
            <translation>Order {label} found by its number: check the customer (name, the card's last digits or the code in their app) before refunding.</translation>
        </message>
        <message>
            <source>{label}: pick what comes back (quantity, reason, condition).</source>
            <translation>{label}: pick what comes back (quantity, reason, condition).</translation>
        </message>
        <message>
            <source>Order {order} was not collected: refund it to the original payment to put it back in stock.</source>
            <translation>Order {order} was not collected: refund it to the original payment to put it back in stock.</translation>
        </message>
        <message>
            <source>{name}: their orders show with the code in their app. Scan it, or type the order or receipt number.</source>
            <translation>{name}: their orders show with the code in their app. Scan it, or type the order or receipt number.</translation>
        </message>
        <message>
            <source>{name}: {n} recent orders and purchases. Pick one.</source>
            <translation>{name}: {n} recent orders and purchases. Pick one.</translation>
        </message>
        <message>
            <source>{ref} is not one of {name}'s recent orders.</source>
            <translation>{ref} is not one of {name}'s recent orders.</translation>
        </message>
        <message>
            <source>Store credit {code} is not known (yet).</source>
            <translation>Store credit {code} is not known (yet).</translation>
        </message>
        <message>
            <source>Store credit {code}: {balance} of {issued} left. Use it on Sell.</source>
            <translation>Store credit {code}: {balance} of {issued} left. Use it on Sell.</translation>
        </message>
        <message>
            <source>Return without a receipt: scan the items. They are refunded at today's price, as store credit, up to {limit}, with a manager's approval.</source>
            <translation>Return without a receipt: scan the items. They are refunded at today's price, as store credit, up to {limit}, with a manager's approval.</translation>
        </message>
        <message>
            <source>Start a return without a receipt first.</source>
            <translation>Start a return without a receipt first.</translation>
        </message>
        <message>
            <source>{item} added to the return.</source>
            <translation>{item} added to the return.</translation>
        </message>
        <message>
            <source>Find the order or receipt first.</source>
            <translation>Find the order or receipt first.</translation>
        </message>
        <message>
            <source>{item}: {left} of {qty} can still be returned.</source>
            <translation>{item}: {left} of {qty} can still be returned.</translation>
        </message>
        <message>
            <source>Find the online order first.</source>
            <translation>Find the online order first.</translation>
        </message>
        <message>
            <source>Customer checked for order {order}.</source>
            <translation>Customer checked for order {order}.</translation>
        </message>
        <message>
            <source>Refund to the original payment or as store credit.</source>
            <translation>Refund to the original payment or as store credit.</translation>
        </message>
        <message>
            <source>A return without a receipt refunds at most {limit}; this one is {amount}.</source>
            <translation>A return without a receipt refunds at most {limit}; this one is {amount}.</translation>
        </message>
        <message>
            <source>return without a receipt, {amount} as store credit</source>
            <translation>return without a receipt, {amount} as store credit</translation>
        </message>
        <message>
            <source>The backend cannot check this return now: it can only be refunded as store credit.</source>
            <translation>The backend cannot check this return now: it can only be refunded as store credit.</translation>
        </message>
        <message>
            <source>unverified return of {label}, {amount} as store credit</source>
            <translation>unverified return of {label}, {amount} as store credit</translation>
        </message>
        <message>
            <source>Check the customer first (name, the card's last digits, or the code in their app).</source>
            <translation>Check the customer first (name, the card's last digits, or the code in their app).</translation>
        </message>
        <message>
            <source>refund {amount} for {label}</source>
            <translation>refund {amount} for {label}</translation>
        </message>
        <message>
            <source>Return {no} recorded: give the customer {cash} in cash.</source>
            <translation>Return {no} recorded: give the customer {cash} in cash.</translation>
        </message>
        <message>
            <source>Return {no} recorded: {amount} refunded.</source>
            <translation>Return {no} recorded: {amount} refunded.</translation>
        </message>
        <message>
            <source>That is an exchange: finish it on Sell, or give it up.</source>
            <translation>That is an exchange: finish it on Sell, or give it up.</translation>
        </message>
        <message>
            <source>Refund it as store credit or cash.</source>
            <translation>Refund it as store credit or cash.</translation>
        </message>
        <message>
            <source>refund {amount} another way</source>
            <translation>refund {amount} another way</translation>
        </message>
        <message>
            <source>This sale was rung by {owner} and is partly paid ({paid}): finish it, or ask a manager to void it.</source>
            <translation>This sale was rung by {owner} and is partly paid ({paid}): finish it, or ask a manager to void it.</translation>
        </message>
        <message>
            <source>{owner}'s open sale ({label}) was put aside; {owner} gets it back at login.</source>
            <translation>{owner}'s open sale ({label}) was put aside; {owner} gets it back at login.</translation>
        </message>
        <message>
            <source>Your sale that was put aside is back. Carry on.</source>
            <translation>Your sale that was put aside is back. Carry on.</translation>
        </message>
        <message>
            <source>Wait: the payment is being finished.</source>
            <translation>Wait: the payment is being finished.</translation>
        </message>
        <message>
            <source>{name} may not sell.</source>
            <translation>{name} may not sell.</translation>
        </message>
        <message>
            <source>Nothing was scanned. Scan the item again.</source>
            <translation>Nothing was scanned. Scan the item again.</translation>
        </message>
        <message>
            <source>No product with SKU {sku} here.</source>
            <translation>No product with SKU {sku} here.</translation>
        </message>
        <message>
            <source>A quantity must be from 1 to {most}.</source>
            <translation>A quantity must be from 1 to {most}.</translation>
        </message>
        <message>
            <source>{quantity} × {item}</source>
            <translation>{quantity} × {item}</translation>
        </message>
        <message>
            <source>{quantity} of {item} is above the limit of {limit}: a manager approves it.</source>
            <translation>{quantity} of {item} is above the limit of {limit}: a manager approves it.</translation>
        </message>
        <message>
            <source>remove a line</source>
            <translation>remove a line</translation>
        </message>
        <message>
            <source>That is not a discount. {detail}</source>
            <translation>That is not a discount. {detail}</translation>
        </message>
        <message>
            <source>discount on {item}</source>
            <translation>discount on {item}</translation>
        </message>
        <message>
            <source>discount on the whole sale</source>
            <translation>discount on the whole sale</translation>
        </message>
        <message>
            <source>That is not a price.</source>
            <translation>That is not a price.</translation>
        </message>
        <message>
            <source>A price override needs a reason.</source>
            <translation>A price override needs a reason.</translation>
        </message>
        <message>
            <source>price of {item}</source>
            <translation>price of {item}</translation>
        </message>
        <message>
            <source>Online order {order}: take it back or hand it over on Returns &amp; pickups.</source>
            <translation>Online order {order}: take it back or hand it over on Returns &amp; pickups.</translation>
        </message>
        <message>
            <source>Store credit {code}: checking it…</source>
            <translation>Store credit {code}: checking it…</translation>
        </message>
        <message>
            <source>Shared cart: loading it…</source>
            <translation>Shared cart: loading it…</translation>
        </message>
        <message>
            <source>A gift card</source>
            <translation>A gift card</translation>
        </message>
        <message>
            <source>A receipt</source>
            <translation>A receipt</translation>
        </message>
        <message>
            <source>{what} cannot be used at this till yet.</source>
            <translation>{what} cannot be used at this till yet.</translation>
        </message>
        <message>
            <source>Member {no} attached to this sale.</source>
            <translation>Member {no} attached to this sale.</translation>
        </message>
        <message>
            <source>{name} ({tier}) attached to this sale.</source>
            <translation>{name} ({tier}) attached to this sale.</translation>
        </message>
        <message>
            <source>Member {no} attached; details unavailable right now (offline?).</source>
            <translation>Member {no} attached; details unavailable right now (offline?).</translation>
        </message>
        <message>
            <source>The sale could NOT be saved ({error}). Nothing was recorded: do not give change or goods; try again, and call a manager if it happens again.</source>
            <translation>The sale could NOT be saved ({error}). Nothing was recorded: do not give change or goods; try again, and call a manager if it happens again.</translation>
        </message>
        <message>
            <source>A credit must be more than zero and at most {due}.</source>
            <translation>A credit must be more than zero and at most {due}.</translation>
        </message>
        <message>
            <source>Credit of {amount} taken. Take the rest: {rest}.</source>
            <translation>Credit of {amount} taken. Take the rest: {rest}.</translation>
        </message>
        <message>
            <source>The credit was taken off the sale.</source>
            <translation>The credit was taken off the sale.</translation>
        </message>
        <message>
            <source>The earlier card payment could not be checked: {error}</source>
            <translation>The earlier card payment could not be checked: {error}</translation>
        </message>
        <message>
            <source>Sale {receipt_no} complete. Change: {change}</source>
            <translation>Sale {receipt_no} complete. Change: {change}</translation>
        </message>
        <message>
            <source>Sale {receipt_no} complete.</source>
            <translation>Sale {receipt_no} complete.</translation>
        </message>
        <message>
            <source>Card payments are off on this till. Take cash.</source>
            <translation>Card payments are off on this till. Take cash.</translation>
        </message>
        <message>
            <source>A card amount must be more than zero and at most {due}.</source>
            <translation>A card amount must be more than zero and at most {due}.</translation>
        </message>
        <message>
            <source>A card payment is already running for this sale.</source>
            <translation>A card payment is already running for this sale.</translation>
        </message>
        <message>
            <source>Card payment failed: {error}</source>
            <translation>Card payment failed: {error}</translation>
        </message>
        <message>
            <source>Sale {receipt_no} recorded, but {problem}</source>
            <translation>Sale {receipt_no} recorded, but {problem}</translation>
        </message>
        <message>
            <source>Sale {receipt_no} complete; the card capture is being retried (payment pending capture).</source>
            <translation>Sale {receipt_no} complete; the card capture is being retried (payment pending capture).</translation>
        </message>
        <message>
            <source>Card part {amount} approved. Take the rest: {rest} in cash (F10).</source>
            <translation>Card part {amount} approved. Take the rest: {rest} in cash (F10).</translation>
        </message>
        <message>
            <source>Card not paid: {why} The sale is still open: try again or take another tender.</source>
            <translation>Card not paid: {why} The sale is still open: try again or take another tender.</translation>
        </message>
        <message>
            <source>Could not suspend: {error}</source>
            <translation>Could not suspend: {error}</translation>
        </message>
        <message>
            <source>Sale suspended ({label}). Shift+F6 resumes it.</source>
            <translation>Sale suspended ({label}). Shift+F6 resumes it.</translation>
        </message>
        <message>
            <source>Finish or suspend the current sale before resuming another.</source>
            <translation>Finish or suspend the current sale before resuming another.</translation>
        </message>
        <message>
            <source>Could not resume: {error}</source>
            <translation>Could not resume: {error}</translation>
        </message>
        <message>
            <source>Sale resumed.</source>
            <translation>Sale resumed.</translation>
        </message>
        <message>
            <source>void this sale</source>
            <translation>void this sale</translation>
        </message>
        <message>
            <source>Sale voided.</source>
            <translation>Sale voided.</translation>
        </message>
        <message>
            <source>{amount} is already paid by card: voiding refunds it to the card.</source>
            <translation>{amount} is already paid by card: voiding refunds it to the card.</translation>
        </message>
        <message>
            <source>The card part could not be refunded ({error}); the sale stays open. Try again or finish it with another tender.</source>
            <translation>The card part could not be refunded ({error}); the sale stays open. Try again or finish it with another tender.</translation>
        </message>
        <message>
            <source>Sale voided; {amount} refunded to the card.</source>
            <translation>Sale voided; {amount} refunded to the card.</translation>
        </message>
        <message>
            <source>Say why the drawer opens.</source>
            <translation>Say why the drawer opens.</translation>
        </message>
        <message>
            <source>open the drawer without a sale</source>
            <translation>open the drawer without a sale</translation>
        </message>
        <message>
            <source>The drawer did not open: {error}</source>
            <translation>The drawer did not open: {error}</translation>
        </message>
        <message>
            <source>Drawer opened.</source>
            <translation>Drawer opened.</translation>
        </message>
        <message>
            <source>Sale {receipt_no} ({total}) was completed and recorded before the till stopped. Do not take payment for it again. No receipt? Press Reprint (Ctrl+P).</source>
            <translation>Sale {receipt_no} ({total}) was completed and recorded before the till stopped. Do not take payment for it again. No receipt? Press Reprint (Ctrl+P).</translation>
        </message>
        <message>
            <source>The receipt of sale {receipt_no} was not printed: the till stopped just after the sale. If the customer needs it, press Reprint (Ctrl+P).</source>
            <translation>The receipt of sale {receipt_no} was not printed: the till stopped just after the sale. If the customer needs it, press Reprint (Ctrl+P).</translation>
        </message>
        <message>
            <source>No receipt to reprint yet.</source>
            <translation>No receipt to reprint yet.</translation>
        </message>
        <message>
            <source>Receipt {receipt_no} reprinted.</source>
            <translation>Receipt {receipt_no} reprinted.</translation>
        </message>
        <message>
            <source>Setting '{name}' ({where}): {reason}</source>
            <translation>Setting '{name}' ({where}): {reason}</translation>
        </message>
        <message>
            <source>No card reader is paired with this till. Card payments are off; take cash.</source>
            <translation>No card reader is paired with this till. Card payments are off; take cash.</translation>
        </message>
        <message>
            <source>Card payments are relayed by the backend, but this till is not registered with one.</source>
            <translation>Card payments are relayed by the backend, but this till is not registered with one.</translation>
        </message>
        <message>
            <source>This till has no OMO backend: stock cannot be checked.</source>
            <translation>This till has no OMO backend: stock cannot be checked.</translation>
        </message>
        <message>
            <source>Scan an item, or type its SKU or name.</source>
            <translation>Scan an item, or type its SKU or name.</translation>
        </message>
        <message>
            <source>No item found for “{typed}”.</source>
            <translation>No item found for “{typed}”.</translation>
        </message>
        <message>
            <source>The OMO backend does not know item {sku}.</source>
            <translation>The OMO backend does not know item {sku}.</translation>
        </message>
        <message>
            <source>Stock cannot be checked now: {reason}</source>
            <translation>Stock cannot be checked now: {reason}</translation>
        </message>
        <message>
            <source>Offline: this is the stock last known {age} ago (as of {as_of}). It may have changed.</source>
            <translation>Offline: this is the stock last known {age} ago (as of {as_of}). It may have changed.</translation>
        </message>
        <message>
            <source>Whose is it? Attach the member (scan their app) or type their name.</source>
            <translation>Whose is it? Attach the member (scan their app) or type their name.</translation>
        </message>
        <message>
            <source>not enough left to promise at {store}</source>
            <translation>not enough left to promise at {store}</translation>
        </message>
        <message>
            <source>Not available any more: {reason}. No other store or warehouse has it.</source>
            <translation>Not available any more: {reason}. No other store or warehouse has it.</translation>
        </message>
        <message>
            <source>Not available any more: {reason}. Still available: {offer}.</source>
            <translation>Not available any more: {reason}. Still available: {offer}.</translation>
        </message>
        <message>
            <source>Not reserved: {reason}</source>
            <translation>Not reserved: {reason}</translation>
        </message>
        <message>
            <source>Reserved: {qty} × {item} at {store} for {name} until {until} (order {order}). It is in the customer's OMO app.</source>
            <translation>Reserved: {qty} × {item} at {store} for {name} until {until} (order {order}). It is in the customer's OMO app.</translation>
        </message>
        <message>
            <source>Reserved: {qty} × {item} at {store} for {name} until {until} (order {order}). Give the customer the order number.</source>
            <translation>Reserved: {qty} × {item} at {store} for {name} until {until} (order {order}). Give the customer the order number.</translation>
        </message>
        <message>
            <source>An order is delivered home or collected here.</source>
            <translation>An order is delivered home or collected here.</translation>
        </message>
        <message>
            <source>Part of this sale is paid: finish it, then order.</source>
            <translation>Part of this sale is paid: finish it, then order.</translation>
        </message>
        <message>
            <source>Item {sku} is not sold at this till.</source>
            <translation>Item {sku} is not sold at this till.</translation>
        </message>
        <message>
            <source>An order delivered home needs the customer's address.</source>
            <translation>An order delivered home needs the customer's address.</translation>
        </message>
        <message>
            <source>Not ordered: the backend must confirm the stock. {reason}</source>
            <translation>Not ordered: the backend must confirm the stock. {reason}</translation>
        </message>
        <message>
            <source>No other store or warehouse has {qty} × {item} to send.</source>
            <translation>No other store or warehouse has {qty} × {item} to send.</translation>
        </message>
        <message>
            <source>Not ordered: {reason}</source>
            <translation>Not ordered: {reason}</translation>
        </message>
        <message>
            <source>Order {order}: {qty} × {item} from {source}, delivered by {day}. Now take payment.</source>
            <translation>Order {order}: {qty} × {item} from {source}, delivered by {day}. Now take payment.</translation>
        </message>
        <message>
            <source>Order {order}: {qty} × {item} from {source}, to collect here from {day}. Now take payment.</source>
            <translation>Order {order}: {qty} × {item} from {source}, to collect here from {day}. Now take payment.</translation>
        </message>
        <message>
            <source>No order {order}.</source>
            <translation>No order {order}.</translation>
        </message>
        <message>
            <source>The order cannot be checked now: {reason}</source>
            <translation>The order cannot be checked now: {reason}</translation>
        </message>
        <message>
            <source>Order {order} is not a reservation waiting to be collected ({status}).</source>
            <translation>Order {order} is not a reservation waiting to be collected ({status}).</translation>
        </message>
        <message>
            <source>Reservation {order} waits at {store}, not here.</source>
            <translation>Reservation {order} waits at {store}, not here.</translation>
        </message>
        <message>
            <source>Reservation {order} for {name} is on the sale: take payment.</source>
            <translation>Reservation {order} for {name} is on the sale: take payment.</translation>
        </message>
        <message>
            <source>Not given up: {reason}</source>
            <translation>Not given up: {reason}</translation>
        </message>
        <message>
            <source>Order {order} given up: its stock is free again.</source>
            <translation>Order {order} given up: its stock is free again.</translation>
        </message>
        <message>
            <source>Order {order} was paid, but its stock went elsewhere before the sale reached the OMO backend. Offer the customer: {offer}; or refund {amount} for the order.</source>
            <translation>Order {order} was paid, but its stock went elsewhere before the sale reached the OMO backend. Offer the customer: {offer}; or refund {amount} for the order.</translation>
        </message>
        <message>
            <source>Order {order} was paid, but its stock went elsewhere before the sale reached the OMO backend, and no other store or warehouse has it. Refund {amount} for the order.</source>
            <translation>Order {order} was paid, but its stock went elsewhere before the sale reached the OMO backend, and no other store or warehouse has it. Refund {amount} for the order.</translation>
        </message>
        <message>
            <source>The till is not open: a manager opens it on the Till page.</source>
            <translation>The till is not open: a manager opens it on the Till page.</translation>
        </message>
        <message>
            <source>{what}: a manager approves it.</source>
            <translation>{what}: a manager approves it.</translation>
        </message>
        <message>
            <source>The till is not open.</source>
            <translation>The till is not open.</translation>
        </message>
        <message>
            <source>The till is already open.</source>
            <translation>The till is already open.</translation>
        </message>
        <message>
            <source>Only the demo shop opens its till by itself.</source>
            <translation>Only the demo shop opens its till by itself.</translation>
        </message>
        <message>
            <source>Till opened for the day with the demo float of {amount}.</source>
            <translation>Till opened for the day with the demo float of {amount}.</translation>
        </message>
        <message>
            <source>Till opened with a float of {amount}.</source>
            <translation>Till opened with a float of {amount}.</translation>
        </message>
        <message>
            <source>The float is now {amount}.</source>
            <translation>The float is now {amount}.</translation>
        </message>
        <message>
            <source>The amount must be more than zero.</source>
            <translation>The amount must be more than zero.</translation>
        </message>
        <message>
            <source>Say what the cash is for (it is kept with the movement).</source>
            <translation>Say what the cash is for (it is kept with the movement).</translation>
        </message>
        <message>
            <source>Cash in: {amount} ({reason}).</source>
            <translation>Cash in: {amount} ({reason}).</translation>
        </message>
        <message>
            <source>Cash out: {amount} ({reason}).</source>
            <translation>Cash out: {amount} ({reason}).</translation>
        </message>
        <message>
            <source>Drop to the safe: {amount}.</source>
            <translation>Drop to the safe: {amount}.</translation>
        </message>
        <message>
            <source>Recorded, but the drawer did not open: {error}</source>
            <translation>Recorded, but the drawer did not open: {error}</translation>
        </message>
        <message>
            <source>{name} may not see reports.</source>
            <translation>{name} may not see reports.</translation>
        </message>
        <message>
            <source>Card totals could not be checked with Stripe: {error}</source>
            <translation>Card totals could not be checked with Stripe: {error}</translation>
        </message>
        <message>
            <source>A card payment is not settled ({what}): the till cannot close until it is. Finish the payment, or let the reconciler settle it, then close.</source>
            <translation>A card payment is not settled ({what}): the till cannot close until it is. Finish the payment, or let the reconciler settle it, then close.</translation>
        </message>
        <message>
            <source>The till could NOT be closed ({error}); nothing was recorded. Try again.</source>
            <translation>The till could NOT be closed ({error}); nothing was recorded. Try again.</translation>
        </message>
        <message>
            <source>Till closed. {difference}{approved}{unsynced}</source>
            <translation>Till closed. {difference}{approved}{unsynced}</translation>
        </message>
        <message>
            <source> {name} approved it.</source>
            <translation> {name} approved it.</translation>
        </message>
        <message>
            <source> {note}</source>
            <translation> {note}</translation>
        </message>
        <message>
            <source>Counted {counted}: exactly as expected.</source>
            <translation>Counted {counted}: exactly as expected.</translation>
        </message>
        <message>
            <source>Counted {counted}, expected {expected}: {side} by {amount}. Say why (kept with the closure).</source>
            <translation>Counted {counted}, expected {expected}: {side} by {amount}. Say why (kept with the closure).</translation>
        </message>
        <message>
            <source>Counted {counted}, expected {expected}: {side} by {amount}, above {limit}: a manager approves it.</source>
            <translation>Counted {counted}, expected {expected}: {side} by {amount}, above {limit}: a manager approves it.</translation>
        </message>
        <message>
            <source>Counted {counted}, expected {expected}: {side} by {amount}.</source>
            <translation>Counted {counted}, expected {expected}: {side} by {amount}.</translation>
        </message>
        <message>
            <source>over</source>
            <translation>over</translation>
        </message>
        <message>
            <source>short</source>
            <translation>short</translation>
        </message>
        <message>
            <source>Not at the backend yet: {n} (the oldest from {minutes} min ago); they go on syncing.</source>
            <translation>Not at the backend yet: {n} (the oldest from {minutes} min ago); they go on syncing.</translation>
        </message>
        <message>
            <source>Session {session} is not closed: no Z report yet.</source>
            <translation>Session {session} is not closed: no Z report yet.</translation>
        </message>
        <message>
            <source>The Z report did not print: {error}</source>
            <translation>The Z report did not print: {error}</translation>
        </message>
        <message>
            <source>The Z report waits in the print queue: {problem}</source>
            <translation>The Z report waits in the print queue: {problem}</translation>
        </message>
        <message>
            <source>Z report printed.</source>
            <translation>Z report printed.</translation>
        </message>
        <message>
            <source>Cash</source>
            <translation>Cash</translation>
        </message>
        <message>
            <source>Card</source>
            <translation>Card</translation>
        </message>
        <message>
            <source>Points</source>
            <translation>Points</translation>
        </message>
        <message>
            <source>Gift card</source>
            <translation>Gift card</translation>
        </message>
        <message>
            <source>Store credit</source>
            <translation>Store credit</translation>
        </message>
        <message>
            <source>Sales ({n})</source>
            <translation>Sales ({n})</translation>
        </message>
        <message>
            <source>Returns ({n})</source>
            <translation>Returns ({n})</translation>
        </message>
        <message>
            <source>Net sales</source>
            <translation>Net sales</translation>
        </message>
        <message>
            <source>Discounts given</source>
            <translation>Discounts given</translation>
        </message>
        <message>
            <source>Points redeemed</source>
            <translation>Points redeemed</translation>
        </message>
        <message>
            <source>Voided sales ({n})</source>
            <translation>Voided sales ({n})</translation>
        </message>
        <message>
            <source>No-sale drawer openings</source>
            <translation>No-sale drawer openings</translation>
        </message>
        <message>
            <source>No payments</source>
            <translation>No payments</translation>
        </message>
        <message>
            <source>{rate} on {amount}</source>
            <translation>{rate} on {amount}</translation>
        </message>
        <message>
            <source>No tax</source>
            <translation>No tax</translation>
        </message>
        <message>
            <source>Opening float</source>
            <translation>Opening float</translation>
        </message>
        <message>
            <source>+ Cash tendered</source>
            <translation>+ Cash tendered</translation>
        </message>
        <message>
            <source>− Change given</source>
            <translation>− Change given</translation>
        </message>
        <message>
            <source>− Cash refunds</source>
            <translation>− Cash refunds</translation>
        </message>
        <message>
            <source>+ Paid in</source>
            <translation>+ Paid in</translation>
        </message>
        <message>
            <source>− Paid out</source>
            <translation>− Paid out</translation>
        </message>
        <message>
            <source>− Drops to the safe</source>
            <translation>− Drops to the safe</translation>
        </message>
        <message>
            <source>= Expected in the drawer</source>
            <translation>= Expected in the drawer</translation>
        </message>
        <message>
            <source>Over</source>
            <translation>Over</translation>
        </message>
        <message>
            <source>Short</source>
            <translation>Short</translation>
        </message>
        <message>
            <source>Over/short</source>
            <translation>Over/short</translation>
        </message>
        <message>
            <source>Counted</source>
            <translation>Counted</translation>
        </message>
        <message>
            <source>Reason: {reason}</source>
            <translation>Reason: {reason}</translation>
        </message>
        <message>
            <source>Approved by</source>
            <translation>Approved by</translation>
        </message>
        <message>
            <source>Sales</source>
            <translation>Sales</translation>
        </message>
        <message>
            <source>Tenders</source>
            <translation>Tenders</translation>
        </message>
        <message>
            <source>Tax per rate</source>
            <translation>Tax per rate</translation>
        </message>
        <message>
            <source>{brand} ({n})</source>
            <translation>{brand} ({n})</translation>
        </message>
        <message>
            <source>Stripe total</source>
            <translation>Stripe total</translation>
        </message>
        <message>
            <source>Journal total</source>
            <translation>Journal total</translation>
        </message>
        <message>
            <source>Not checked with Stripe (offline)</source>
            <translation>Not checked with Stripe (offline)</translation>
        </message>
        <message>
            <source>Cards, reconciled with Stripe</source>
            <translation>Cards, reconciled with Stripe</translation>
        </message>
        <message>
            <source>Top products</source>
            <translation>Top products</translation>
        </message>
        <message>
            <source>Z report · till {till} · session {session}</source>
            <translation>Z report · till {till} · session {session}</translation>
        </message>
        <message>
            <source>Opened {at} by {who}</source>
            <translation>Opened {at} by {who}</translation>
        </message>
        <message>
            <source>Closed {at} by {who}</source>
            <translation>Closed {at} by {who}</translation>
        </message>
        <message>
            <source>A discount is either a percent or an amount, not both or neither.</source>
            <translation>A discount is either a percent or an amount, not both or neither.</translation>
        </message>
        <message>
            <source>A discount's reason must be text.</source>
            <translation>A discount's reason must be text.</translation>
        </message>
        <message>
            <source>A discount amount must be Money, not {amount!r}.</source>
            <translation>A discount amount must be Money, not {amount!r}.</translation>
        </message>
        <message>
            <source>A discount must be more than zero, not {amount}.</source>
            <translation>A discount must be more than zero, not {amount}.</translation>
        </message>
        <message>
            <source>A discount percent must be exact (text or Decimal), not {percent!r}.</source>
            <translation>A discount percent must be exact (text or Decimal), not {percent!r}.</translation>
        </message>
        <message>
            <source>A discount must be more than 0%, not {percent}%.</source>
            <translation>A discount must be more than 0%, not {percent}%.</translation>
        </message>
        <message>
            <source>A discount cannot be more than 100% (asked for {percent}%).</source>
            <translation>A discount cannot be more than 100% (asked for {percent}%).</translation>
        </message>
        <message>
            <source>{percent!r} is not a percent.</source>
            <translation>{percent!r} is not a percent.</translation>
        </message>
        <message>
            <source>The discount of {amount} is more than the {base} of {what}.</source>
            <translation>The discount of {amount} is more than the {base} of {what}.</translation>
        </message>
        <message>
            <source>The discount of {amount} is more than the {base} of the sale.</source>
            <translation>The discount of {amount} is more than the {base} of the sale.</translation>
        </message>
        <message>
            <source>A sold line could not be read ({why}).</source>
            <translation>A sold line could not be read ({why}).</translation>
        </message>
        <message>
            <source>The quantity must be a whole number of units, not {quantity!r}.</source>
            <translation>The quantity must be a whole number of units, not {quantity!r}.</translation>
        </message>
        <message>
            <source>The quantity must be at least 1; to take the line off, remove it.</source>
            <translation>The quantity must be at least 1; to take the line off, remove it.</translation>
        </message>
        <message>
            <source>The quantity {quantity} is too large (at most {most}). Was a barcode typed into the quantity?</source>
            <translation>The quantity {quantity} is too large (at most {most}). Was a barcode typed into the quantity?</translation>
        </message>
        <message>
            <source>A price must be Money, not {price!r}.</source>
            <translation>A price must be Money, not {price!r}.</translation>
        </message>
        <message>
            <source>A price cannot be negative ({price}).</source>
            <translation>A price cannot be negative ({price}).</translation>
        </message>
        <message>
            <source>Not a discount: {discount!r}.</source>
            <translation>Not a discount: {discount!r}.</translation>
        </message>
        <message>
            <source>An item needs a SKU, got {sku!r}.</source>
            <translation>An item needs a SKU, got {sku!r}.</translation>
        </message>
        <message>
            <source>An item description must be text, got {description!r}.</source>
            <translation>An item description must be text, got {description!r}.</translation>
        </message>
        <message>
            <source>A weighed item needs its measure, not {measure!r}.</source>
            <translation>A weighed item needs its measure, not {measure!r}.</translation>
        </message>
        <message>
            <source>{item} is sold by weight ({measure}): its quantity is its weight. Weigh and scan each item, or remove the line.</source>
            <translation>{item} is sold by weight ({measure}): its quantity is its weight. Weigh and scan each item, or remove the line.</translation>
        </message>
        <message>
            <source>{item} is on order {order_no}, which holds {quantity}: to change the quantity, remove the line and order again.</source>
            <translation>{item} is on order {order_no}, which holds {quantity}: to change the quantity, remove the line and order again.</translation>
        </message>
        <message>
            <source>A price change needs a reason.</source>
            <translation>A price change needs a reason.</translation>
        </message>
        <message>
            <source>Not offers: {offers!r}.</source>
            <translation>Not offers: {offers!r}.</translation>
        </message>
        <message>
            <source>The saved sale could not be restored ({why}).</source>
            <translation>The saved sale could not be restored ({why}).</translation>
        </message>
        <message>
            <source>{item} was sold by weight ({measure}): it is returned whole, as one item, or not at all.</source>
            <translation>{item} was sold by weight ({measure}): it is returned whole, as one item, or not at all.</translation>
        </message>
        <message>
            <source>Return quantities must be whole numbers of units.</source>
            <translation>Return quantities must be whole numbers of units.</translation>
        </message>
        <message>
            <source>Only {left} of {quantity} × {item} can still be returned (asked for {asked}).</source>
            <translation>Only {left} of {quantity} × {item} can still be returned (asked for {asked}).</translation>
        </message>
        <message>
            <source>There is nothing to return: the sale has no lines.</source>
            <translation>There is nothing to return: the sale has no lines.</translation>
        </message>
        <message>
            <source>The cash rounding rule {rule!r} is for {currencies}, not {currency}. A store in {currency} can choose: {choices}.</source>
            <translation>The cash rounding rule {rule!r} is for {currencies}, not {currency}. A store in {currency} can choose: {choices}.</translation>
        </message>
        <message>
            <source>Unknown cash rounding rule {rule!r}; choose one of: {choices}.</source>
            <translation>Unknown cash rounding rule {rule!r}; choose one of: {choices}.</translation>
        </message>
        <message>
            <source>The saved sale was written by another version and cannot be restored.</source>
            <translation>The saved sale was written by another version and cannot be restored.</translation>
        </message>
        <message>
            <source>{name} is no longer sold (archived). Put it aside and call a manager.</source>
            <translation>{name} is no longer sold (archived). Put it aside and call a manager.</translation>
        </message>
        <message>
            <source>No product with SKU {sku} in the catalog.</source>
            <translation>No product with SKU {sku} in the catalog.</translation>
        </message>
        <message>
            <source>This needs a manager's approval, and this till takes none.</source>
            <translation>This needs a manager's approval, and this till takes none.</translation>
        </message>
        <message>
            <source>That coupon or promotion is not on this sale.</source>
            <translation>That coupon or promotion is not on this sale.</translation>
        </message>
        <message>
            <source>That coupon or promotion was not taken off this sale.</source>
            <translation>That coupon or promotion was not taken off this sale.</translation>
        </message>
        <message>
            <source>Part of this sale is already paid. Finish the payment, or void the sale (the card part is refunded) to change it.</source>
            <translation>Part of this sale is already paid. Finish the payment, or void the sale (the card part is refunded) to change it.</translation>
        </message>
        <message>
            <source>That is {short} short of the amount due in cash.</source>
            <translation>That is {short} short of the amount due in cash.</translation>
        </message>
        <message>
            <source>Points pay in steps of {step}: {points} is not a whole number of steps.</source>
            <translation>Points pay in steps of {step}: {points} is not a whole number of steps.</translation>
        </message>
        <message>
            <source>That is more points than the sale still needs.</source>
            <translation>That is more points than the sale still needs.</translation>
        </message>
        <message>
            <source>A part payment must be more than zero and less than what is due.</source>
            <translation>A part payment must be more than zero and less than what is due.</translation>
        </message>
        <message>
            <source>The payments do not cover the total yet.</source>
            <translation>The payments do not cover the total yet.</translation>
        </message>
        <message>
            <source>A different sale was committed than the one on screen.</source>
            <translation>A different sale was committed than the one on screen.</translation>
        </message>
        <message>
            <source>Refund the part already paid first; a partly paid sale cannot just be voided.</source>
            <translation>Refund the part already paid first; a partly paid sale cannot just be voided.</translation>
        </message>
        <message>
            <source>There is nothing to suspend.</source>
            <translation>There is nothing to suspend.</translation>
        </message>
        <message>
            <source>This is not a code this till understands.</source>
            <translation>This is not a code this till understands.</translation>
        </message>
        <message>
            <source>This code is damaged or incomplete. Please scan it again.</source>
            <translation>This code is damaged or incomplete. Please scan it again.</translation>
        </message>
        <message>
            <source>This member code is newer than this till's keys. Check the till is online, then scan again, or type the member number.</source>
            <translation>This member code is newer than this till's keys. Check the till is online, then scan again, or type the member number.</translation>
        </message>
        <message>
            <source>This member code is not genuine. Type the member number instead.</source>
            <translation>This member code is not genuine. Type the member number instead.</translation>
        </message>
        <message>
            <source>This member code has expired. Ask the member to reopen the code in the app.</source>
            <translation>This member code has expired. Ask the member to reopen the code in the app.</translation>
        </message>
        <message>
            <source>This member card has been cancelled. Ask for the app code or a new card.</source>
            <translation>This member card has been cancelled. Ask for the app code or a new card.</translation>
        </message>
        <message>
            <source>A member number has only digits.</source>
            <translation>A member number has only digits.</translation>
        </message>
        <message>
            <source>This member number is too long.</source>
            <translation>This member number is too long.</translation>
        </message>
        <message>
            <source>A name has at most {most} characters.</source>
            <translation>A name has at most {most} characters.</translation>
        </message>
        <message>
            <source>Unknown currency {code!r}: use a three-letter ISO 4217 code such as EUR, USD or JPY.</source>
            <translation>Unknown currency {code!r}: use a three-letter ISO 4217 code such as EUR, USD or JPY.</translation>
        </message>
        <message>
            <source>Cannot combine amounts in {first} and {second}: they are different currencies.</source>
            <translation>Cannot combine amounts in {first} and {second}: they are different currencies.</translation>
        </message>
        <message>
            <source>The amount {text} has too many decimals: {currency} has no decimals.</source>
            <translation>The amount {text} has too many decimals: {currency} has no decimals.</translation>
        </message>
        <message>
            <source>The amount {text} has too many decimals: {currency} has at most 1 decimal.</source>
            <translation>The amount {text} has too many decimals: {currency} has at most 1 decimal.</translation>
        </message>
        <message>
            <source>The amount {text} has too many decimals: {currency} has at most {digits} decimals.</source>
            <translation>The amount {text} has too many decimals: {currency} has at most {digits} decimals.</translation>
        </message>
        <message>
            <source>The quantity cannot be negative ({quantity}). To take goods back, start a return instead.</source>
            <translation>The quantity cannot be negative ({quantity}). To take goods back, start a return instead.</translation>
        </message>
        <message>
            <source>Unknown tax code {code!r}: this store has no such tax rate. Known tax codes: {known}.</source>
            <translation>Unknown tax code {code!r}: this store has no such tax rate. Known tax codes: {known}.</translation>
        </message>
        <message>
            <source>Unknown tax code {code!r}: this store has no such tax rate.</source>
            <translation>Unknown tax code {code!r}: this store has no such tax rate.</translation>
        </message>
        <message>
            <source>That line is no longer in the sale (line {line_id!r}).</source>
            <translation>That line is no longer in the sale (line {line_id!r}).</translation>
        </message>
        <message>
            <source>Setting {setting!r}: {reason}</source>
            <translation>Setting {setting!r}: {reason}</translation>
        </message>
        <message>
            <source>This is not a product barcode this till understands.</source>
            <translation>This is not a product barcode this till understands.</translation>
        </message>
        <message>
            <source>This barcode did not scan correctly (check digit). Scan it again or type it.</source>
            <translation>This barcode did not scan correctly (check digit). Scan it again or type it.</translation>
        </message>
        <message>
            <source>The price or weight on this in-store label did not scan correctly (its check digit). Scan it again or type it.</source>
            <translation>The price or weight on this in-store label did not scan correctly (its check digit). Scan it again or type it.</translation>
        </message>
        <message>
            <source>GS1 code refused: {detail}. Scan it again; if it is refused again, put the item aside and call a manager.</source>
            <translation>GS1 code refused: {detail}. Scan it again; if it is refused again, put the item aside and call a manager.</translation>
        </message>
        <message>
            <source>This is not a product barcode this till understands. (symbology {aim})</source>
            <translation>This is not a product barcode this till understands. (symbology {aim})</translation>
        </message>
        <message>
            <source>{value!r} is not a date and time.</source>
            <translation>{value!r} is not a date and time.</translation>
        </message>
        <message>
            <source>{what} must be exact (a whole number or a text like '1.5'), not {value!r}.</source>
            <translation>{what} must be exact (a whole number or a text like '1.5'), not {value!r}.</translation>
        </message>
        <message>
            <source>{what} {value!r} is not a number.</source>
            <translation>{what} {value!r} is not a number.</translation>
        </message>
        <message>
            <source>{what} cannot be negative ({value}).</source>
            <translation>{what} cannot be negative ({value}).</translation>
        </message>
        <message>
            <source>Points promotion {promo} ends before it starts.</source>
            <translation>Points promotion {promo} ends before it starts.</translation>
        </message>
        <message>
            <source>{name} must be a whole number of points, not {value!r}.</source>
            <translation>{name} must be a whole number of points, not {value!r}.</translation>
        </message>
        <message>
            <source>A redeem step needs some points and some value.</source>
            <translation>A redeem step needs some points and some value.</translation>
        </message>
        <message>
            <source>A line of {sku} cannot have been paid {paid}.</source>
            <translation>A line of {sku} cannot have been paid {paid}.</translation>
        </message>
        <message>
            <source>A points tender of {points_paid} does not fit the sale.</source>
            <translation>A points tender of {points_paid} does not fit the sale.</translation>
        </message>
        <message>
            <source>{units} {currency} is not a whole number of minor units.</source>
            <translation>{units} {currency} is not a whole number of minor units.</translation>
        </message>
        <message>
            <source>{points!r} is not a number of points.</source>
            <translation>{points!r} is not a number of points.</translation>
        </message>
        <message>
            <source>Points pay in steps of {step} minor units of {currency}; {amount!r} is not one.</source>
            <translation>Points pay in steps of {step} minor units of {currency}; {amount!r} is not one.</translation>
        </message>
        <message>
            <source>The loyalty programme could not be read ({error}).</source>
            <translation>The loyalty programme could not be read ({error}).</translation>
        </message>
        <message>
            <source>{units} units after {before} of {quantity} cannot be returned.</source>
            <translation>{units} units after {before} of {quantity} cannot be returned.</translation>
        </message>
        <message>
            <source>There is no loyalty programme {programme_id!r}.</source>
            <translation>There is no loyalty programme {programme_id!r}.</translation>
        </message>
        <message>
            <source>A measured quantity must be an exact number above 0 (and at most {most:,}), not {quantity!r}.</source>
            <translation>A measured quantity must be an exact number above 0 (and at most {most:,}), not {quantity!r}.</translation>
        </message>
        <message>
            <source>The measured quantity {quantity:f} has more than {most} decimals.</source>
            <translation>The measured quantity {quantity:f} has more than {most} decimals.</translation>
        </message>
        <message>
            <source>Unknown unit {unit!r}; a line is sold by {units}.</source>
            <translation>Unknown unit {unit!r}; a line is sold by {units}.</translation>
        </message>
        <message>
            <source>Unknown unit {unit!r} to price by.</source>
            <translation>Unknown unit {unit!r} to price by.</translation>
        </message>
        <message>
            <source>{unit} cannot be priced per {per}: only weights convert.</source>
            <translation>{unit} cannot be priced per {per}: only weights convert.</translation>
        </message>
        <message>
            <source>A price per {unit} must be a whole number of minor units &gt;= 0, not {price!r}.</source>
            <translation>A price per {unit} must be a whole number of minor units &gt;= 0, not {price!r}.</translation>
        </message>
        <message>
            <source>A weight must be a whole number of grams above 0, not {grams!r}.</source>
            <translation>A weight must be a whole number of grams above 0, not {grams!r}.</translation>
        </message>
        <message>
            <source>A saved measure could not be read ({why}): {data!r}.</source>
            <translation>A saved measure could not be read ({why}): {data!r}.</translation>
        </message>
        <message>
            <source>An amount must be a whole number of minor units, not {minor!r} ({kind}).</source>
            <translation>An amount must be a whole number of minor units, not {minor!r} ({kind}).</translation>
        </message>
        <message>
            <source>An amount must be text, a Decimal or a whole number, not {kind}.</source>
            <translation>An amount must be text, a Decimal or a whole number, not {kind}.</translation>
        </message>
        <message>
            <source>{value!r} is not an amount.</source>
            <translation>{value!r} is not an amount.</translation>
        </message>
        <message>
            <source>Unknown locale {locale!r} for showing amounts.</source>
            <translation>Unknown locale {locale!r} for showing amounts.</translation>
        </message>
        <message>
            <source>Cannot split an amount over nothing.</source>
            <translation>Cannot split an amount over nothing.</translation>
        </message>
        <message>
            <source>A split weight must be exact, not {weight!r}.</source>
            <translation>A split weight must be exact, not {weight!r}.</translation>
        </message>
        <message>
            <source>A split weight cannot be negative.</source>
            <translation>A split weight cannot be negative.</translation>
        </message>
        <message>
            <source>Cannot split an amount when every share is zero.</source>
            <translation>Cannot split an amount when every share is zero.</translation>
        </message>
        <message>
            <source>An offer is a coupon or a promotion, not {kind!r}.</source>
            <translation>An offer is a coupon or a promotion, not {kind!r}.</translation>
        </message>
        <message>
            <source>Offer {code} needs a percent or an amount, not both or neither.</source>
            <translation>Offer {code} needs a percent or an amount, not both or neither.</translation>
        </message>
        <message>
            <source>Offer {code} has an impossible value {value!r}.</source>
            <translation>Offer {code} has an impossible value {value!r}.</translation>
        </message>
        <message>
            <source>A saved offer could not be read ({error}).</source>
            <translation>A saved offer could not be read ({error}).</translation>
        </message>
        <message>
            <source>{text!r} is not a date and time.</source>
            <translation>{text!r} is not a date and time.</translation>
        </message>
        <message>
            <source>Card blocked by the bank: do not try it again. Ask for another card or another way to pay.</source>
            <translation>Card blocked by the bank: do not try it again. Ask for another card or another way to pay.</translation>
        </message>
        <message>
            <source>Card declined by the bank. Ask for another card or another way to pay.</source>
            <translation>Card declined by the bank. Ask for another card or another way to pay.</translation>
        </message>
        <message>
            <source>Card declined: the customer must call their bank. Ask for another card or cash.</source>
            <translation>Card declined: the customer must call their bank. Ask for another card or cash.</translation>
        </message>
        <message>
            <source>Card declined: not enough funds. Ask for another card or another way to pay.</source>
            <translation>Card declined: not enough funds. Ask for another card or another way to pay.</translation>
        </message>
        <message>
            <source>Card expired. Ask for another card.</source>
            <translation>Card expired. Ask for another card.</translation>
        </message>
        <message>
            <source>Wrong PIN. Ask the customer to try again.</source>
            <translation>Wrong PIN. Ask the customer to try again.</translation>
        </message>
        <message>
            <source>Too many wrong PINs: this card cannot be used now. Ask for another card or cash.</source>
            <translation>Too many wrong PINs: this card cannot be used now. Ask for another card or cash.</translation>
        </message>
        <message>
            <source>Card over its limit. Ask for another card or another way to pay.</source>
            <translation>Card over its limit. Ask for another card or another way to pay.</translation>
        </message>
        <message>
            <source>The card could not be processed. Try the card again.</source>
            <translation>The card could not be processed. Try the card again.</translation>
        </message>
        <message>
            <source>Card declined: security check failed. Ask for another card.</source>
            <translation>Card declined: security check failed. Ask for another card.</translation>
        </message>
        <message>
            <source>Card payments are unavailable (no connection to Stripe). Take cash or another tender.</source>
            <translation>Card payments are unavailable (no connection to Stripe). Take cash or another tender.</translation>
        </message>
        <message>
            <source>The reader accepted the card but Stripe has not confirmed the payment yet. Do not take another tender: press Pay again in a moment to check.</source>
            <translation>The reader accepted the card but Stripe has not confirmed the payment yet. Do not take another tender: press Pay again in a moment to check.</translation>
        </message>
        <message>
            <source>Stripe had an error and could not start the card payment; the card was not charged. Press Pay to try again, or take another tender.</source>
            <translation>Stripe had an error and could not start the card payment; the card was not charged. Press Pay to try again, or take another tender.</translation>
        </message>
        <message>
            <source>The card payment was cancelled; the card was not charged. Take the other tender.</source>
            <translation>The card payment was cancelled; the card was not charged. Take the other tender.</translation>
        </message>
        <message>
            <source>The card had been authorised, but this sale has changed since: that authorisation was released and the card was not charged. Take the other tender.</source>
            <translation>The card had been authorised, but this sale has changed since: that authorisation was released and the card was not charged. Take the other tender.</translation>
        </message>
        <message>
            <source>The card payment went through after all and is now recorded on this sale. Do not take that amount again in cash or another tender.</source>
            <translation>The card payment went through after all and is now recorded on this sale. Do not take that amount again in cash or another tender.</translation>
        </message>
        <message>
            <source>An earlier card payment for this sale cannot be checked now (no connection to Stripe), so the card may have been charged. Do not take cash or another tender yet: try again in a moment, or press Pay to finish by card. If Stripe stays unreachable, suspend the sale and call a manager.</source>
            <translation>An earlier card payment for this sale cannot be checked now (no connection to Stripe), so the card may have been charged. Do not take cash or another tender yet: try again in a moment, or press Pay to finish by card. If Stripe stays unreachable, suspend the sale and call a manager.</translation>
        </message>
        <message>
            <source>Stripe is still processing the card payment for this sale. Do not take another tender yet: try again in a moment.</source>
            <translation>Stripe is still processing the card payment for this sale. Do not take another tender yet: try again in a moment.</translation>
        </message>
        <message>
            <source>A card payment is running for this sale: let it finish or cancel it first.</source>
            <translation>A card payment is running for this sale: let it finish or cancel it first.</translation>
        </message>
        <message>
            <source>The card was charged, but that payment cannot be added to this sale. Do not take another tender: call a manager to refund the card or correct the sale.</source>
            <translation>The card was charged, but that payment cannot be added to this sale. Do not take another tender: call a manager to refund the card or correct the sale.</translation>
        </message>
        <message>
            <source>The customer cancelled on the reader. Ask how they want to pay.</source>
            <translation>The customer cancelled on the reader. Ask how they want to pay.</translation>
        </message>
        <message>
            <source>The reader stopped waiting for a card. Press Pay to try again.</source>
            <translation>The reader stopped waiting for a card. Press Pay to try again.</translation>
        </message>
        <message>
            <source>The payment was cancelled.</source>
            <translation>The payment was cancelled.</translation>
        </message>
        <message>
            <source>The reader could not take the card ({code}). Try again or take another tender.</source>
            <translation>The reader could not take the card ({code}). Try again or take another tender.</translation>
        </message>
        <message>
            <source>Nothing to pay by card.</source>
            <translation>Nothing to pay by card.</translation>
        </message>
        <message>
            <source>This card payment is already in progress.</source>
            <translation>This card payment is already in progress.</translation>
        </message>
        <message>
            <source>Cancel the running card payment first.</source>
            <translation>Cancel the running card payment first.</translation>
        </message>
        <message>
            <source>This card payment is being settled; try again in a moment.</source>
            <translation>This card payment is being settled; try again in a moment.</translation>
        </message>
        <message>
            <source>Card payment cancelled.</source>
            <translation>Card payment cancelled.</translation>
        </message>
        <message>
            <source>An earlier card payment for this sale needs a manager.</source>
            <translation>An earlier card payment for this sale needs a manager.</translation>
        </message>
        <message>
            <source>The reader stopped the payment. Press Pay to try again.</source>
            <translation>The reader stopped the payment. Press Pay to try again.</translation>
        </message>
        <message>
            <source>The card was charged before the cancel reached it; the sale is paid.</source>
            <translation>The card was charged before the cancel reached it; the sale is paid.</translation>
        </message>
        <message>
            <source>The card had already been tapped; that authorisation was released. Card payment cancelled.</source>
            <translation>The card had already been tapped; that authorisation was released. Card payment cancelled.</translation>
        </message>
        <message>
            <source>The sale is already completed; it cannot be re-tendered.</source>
            <translation>The sale is already completed; it cannot be re-tendered.</translation>
        </message>
        <message>
            <source>The card was NOT charged: its authorisation was cancelled after the sale was recorded. Call a manager before the customer leaves.</source>
            <translation>The card was NOT charged: its authorisation was cancelled after the sale was recorded. Call a manager before the customer leaves.</translation>
        </message>
        <message>
            <source>Line {line_no} is not on {document}.</source>
            <translation>Line {line_no} is not on {document}.</translation>
        </message>
        <message>
            <source>The tax code {code!r} of this purchase is not in this store's tax table: it cannot be refunded here. Call a manager.</source>
            <translation>The tax code {code!r} of this purchase is not in this store's tax table: it cannot be refunded here. Call a manager.</translation>
        </message>
        <message>
            <source>A quantity to return cannot be negative.</source>
            <translation>A quantity to return cannot be negative.</translation>
        </message>
        <message>
            <source>Line {line_no} is picked twice.</source>
            <translation>Line {line_no} is picked twice.</translation>
        </message>
        <message>
            <source>Pick at least one item to take back.</source>
            <translation>Pick at least one item to take back.</translation>
        </message>
        <message>
            <source>Refund to {to!r}? Choose the original payment or store credit.</source>
            <translation>Refund to {to!r}? Choose the original payment or store credit.</translation>
        </message>
        <message>
            <source>Scan the items the customer brings back.</source>
            <translation>Scan the items the customer brings back.</translation>
        </message>
        <message>
            <source>Two items of the return share a line number.</source>
            <translation>Two items of the return share a line number.</translation>
        </message>
        <message>
            <source>Scale label {label}: item {item} is not in the catalog.</source>
            <translation>Scale label {label}: item {item} is not in the catalog.</translation>
        </message>
        <message>
            <source>Barcode {gtin} is not in the catalog. Put the item aside and search for it by name.</source>
            <translation>Barcode {gtin} is not in the catalog. Put the item aside and search for it by name.</translation>
        </message>
        <message>
            <source>GTIN {gtin} is not in the catalog. Put the item aside and search for it by name.</source>
            <translation>GTIN {gtin} is not in the catalog. Put the item aside and search for it by name.</translation>
        </message>
        <message>
            <source>{name} expired on {date}: it must not be sold. Put it aside and tell a manager.</source>
            <translation>{name} expired on {date}: it must not be sold. Put it aside and tell a manager.</translation>
        </message>
        <message>
            <source>The label of {name} says it weighs nothing. Weigh it again.</source>
            <translation>The label of {name} says it weighs nothing. Weigh it again.</translation>
        </message>
        <message>
            <source>The label of {name} counts no pieces. Print a new label.</source>
            <translation>The label of {name} counts no pieces. Print a new label.</translation>
        </message>
        <message>
            <source>The price on this label is in {label_currency}; this till sells in {currency}. Put the item aside and call a manager.</source>
            <translation>The price on this label is in {label_currency}; this till sells in {currency}. Put the item aside and call a manager.</translation>
        </message>
        <message>
            <source>cashier</source>
            <translation>cashier</translation>
        </message>
        <message>
            <source>associate</source>
            <translation>associate</translation>
        </message>
        <message>
            <source>manager</source>
            <translation>manager</translation>
        </message>
        <message>
            <source>Selling</source>
            <translation>Selling</translation>
        </message>
        <message>
            <source>A discount</source>
            <translation>A discount</translation>
        </message>
        <message>
            <source>Changing a price</source>
            <translation>Changing a price</translation>
        </message>
        <message>
            <source>A quantity above the limit</source>
            <translation>A quantity above the limit</translation>
        </message>
        <message>
            <source>Removing a line</source>
            <translation>Removing a line</translation>
        </message>
        <message>
            <source>Suspending a sale</source>
            <translation>Suspending a sale</translation>
        </message>
        <message>
            <source>Voiding the sale</source>
            <translation>Voiding the sale</translation>
        </message>
        <message>
            <source>Opening the drawer without a sale</source>
            <translation>Opening the drawer without a sale</translation>
        </message>
        <message>
            <source>A refund</source>
            <translation>A refund</translation>
        </message>
        <message>
            <source>A return without a receipt</source>
            <translation>A return without a receipt</translation>
        </message>
        <message>
            <source>A return the backend cannot check</source>
            <translation>A return the backend cannot check</translation>
        </message>
        <message>
            <source>Handing over an order</source>
            <translation>Handing over an order</translation>
        </message>
        <message>
            <source>Looking up a member</source>
            <translation>Looking up a member</translation>
        </message>
        <message>
            <source>Reprinting a receipt</source>
            <translation>Reprinting a receipt</translation>
        </message>
        <message>
            <source>Opening the till</source>
            <translation>Opening the till</translation>
        </message>
        <message>
            <source>Closing the till</source>
            <translation>Closing the till</translation>
        </message>
        <message>
            <source>Reports</source>
            <translation>Reports</translation>
        </message>
        <message>
            <source>Approving for someone else</source>
            <translation>Approving for someone else</translation>
        </message>
        <message>
            <source>Changing settings</source>
            <translation>Changing settings</translation>
        </message>
        <message>
            <source>Discount {percent}</source>
            <translation>Discount {percent}</translation>
        </message>
        <message>
            <source>{what} needs a manager</source>
            <translation>{what} needs a manager</translation>
        </message>
        <message>
            <source>Welcome, {name}.</source>
            <translation>Welcome, {name}.</translation>
        </message>
        <message>
            <source>A PIN is 4 to 8 digits.</source>
            <translation>A PIN is 4 to 8 digits.</translation>
        </message>
        <message>
            <source>A manager's PIN needs at least 6 digits here. Set a longer one (omo-pos staff set-pin).</source>
            <translation>A manager's PIN needs at least 6 digits here. Set a longer one (omo-pos staff set-pin).</translation>
        </message>
        <message>
            <source>Too many wrong PINs. Try again in {wait}, or ask a manager.</source>
            <translation>Too many wrong PINs. Try again in {wait}, or ask a manager.</translation>
        </message>
        <message>
            <source>Wrong PIN. 1 try left.</source>
            <translation>Wrong PIN. 1 try left.</translation>
        </message>
        <message>
            <source>Wrong PIN. {left} tries left.</source>
            <translation>Wrong PIN. {left} tries left.</translation>
        </message>
        <message>
            <source>1 second</source>
            <translation>1 second</translation>
        </message>
        <message>
            <source>{seconds} seconds</source>
            <translation>{seconds} seconds</translation>
        </message>
        <message>
            <source>{minutes} min {seconds} s</source>
            <translation>{minutes} min {seconds} s</translation>
        </message>
        <message>
            <source>Approved by {name}.</source>
            <translation>Approved by {name}.</translation>
        </message>
        <message>
            <source>{name} ({role}) cannot approve this. A manager must enter their PIN.</source>
            <translation>{name} ({role}) cannot approve this. A manager must enter their PIN.</translation>
        </message>
        <message>
            <source>Type a reason first.</source>
            <translation>Type a reason first.</translation>
        </message>
        <message>
            <source>{what} needs a manager's approval; nothing changed.</source>
            <translation>{what} needs a manager's approval; nothing changed.</translation>
        </message>
        <message>
            <source>{value!r} is not one of {choices}.</source>
            <translation>{value!r} is not one of {choices}.</translation>
        </message>
        <message>
            <source>{locale!r} is not a known locale (for example 'it_IT', 'ja_JP').</source>
            <translation>{locale!r} is not a known locale (for example 'it_IT', 'ja_JP').</translation>
        </message>
        <message>
            <source>expects true or false, got {value!r}.</source>
            <translation>expects true or false, got {value!r}.</translation>
        </message>
        <message>
            <source>expects a whole number &gt;= 1, got {value!r}.</source>
            <translation>expects a whole number &gt;= 1, got {value!r}.</translation>
        </message>
        <message>
            <source>the store needs at least one tax rate (0% counts).</source>
            <translation>the store needs at least one tax rate (0% counts).</translation>
        </message>
        <message>
            <source>{rate!r} is not a tax rate.</source>
            <translation>{rate!r} is not a tax rate.</translation>
        </message>
        <message>
            <source>the tax code {code!r} appears twice.</source>
            <translation>the tax code {code!r} appears twice.</translation>
        </message>
        <message>
            <source>The store settings must be a table, got {kind}.</source>
            <translation>The store settings must be a table, got {kind}.</translation>
        </message>
        <message>
            <source>Unknown store setting(s): {names}.</source>
            <translation>Unknown store setting(s): {names}.</translation>
        </message>
        <message>
            <source>missing: every store needs it.</source>
            <translation>missing: every store needs it.</translation>
        </message>
        <message>
            <source>expects a list of {code, percent, label} tables.</source>
            <translation>expects a list of {code, percent, label} tables.</translation>
        </message>
        <message>
            <source>a store without a preset needs its tax rates (for example STANDARD=8.875; ZERO=0).</source>
            <translation>a store without a preset needs its tax rates (for example STANDARD=8.875; ZERO=0).</translation>
        </message>
        <message>
            <source>there is no preset {preset!r}. Choose one of {presets}, or none and give the store's own tax rates.</source>
            <translation>there is no preset {preset!r}. Choose one of {presets}, or none and give the store's own tax rates.</translation>
        </message>
        <message>
            <source>the preset {preset} is for a store in {preset_country}, not in {country} (the store's country).</source>
            <translation>the preset {preset} is for a store in {preset_country}, not in {country} (the store's country).</translation>
        </message>
        <message>
            <source>fewer are left to return on that sale than asked</source>
            <translation>fewer are left to return on that sale than asked</translation>
        </message>
        <message>
            <source>the refund is more than what is left of that sale's payment</source>
            <translation>the refund is more than what is left of that sale's payment</translation>
        </message>
        <message>
            <source>this return was claimed with other lines</source>
            <translation>this return was claimed with other lines</translation>
        </message>
        <message>
            <source>this return was given up; start it again</source>
            <translation>this return was given up; start it again</translation>
        </message>
        <message>
            <source>this return was completed; it cannot be given up</source>
            <translation>this return was completed; it cannot be given up</translation>
        </message>
        <message>
            <source>it is in another currency</source>
            <translation>it is in another currency</translation>
        </message>
        <message>
            <source>this store credit payment was made before for another amount</source>
            <translation>this store credit payment was made before for another amount</translation>
        </message>
        <message>
            <source>this store credit payment was given back; make a new one</source>
            <translation>this store credit payment was given back; make a new one</translation>
        </message>
        <message>
            <source>the sale this store credit paid is recorded already</source>
            <translation>the sale this store credit paid is recorded already</translation>
        </message>
        <message>
            <source>not enough is left on this store credit</source>
            <translation>not enough is left on this store credit</translation>
        </message>
        <message>
            <source>not enough left to promise there</source>
            <translation>not enough left to promise there</translation>
        </message>
        <message>
            <source>this request was used for another order</source>
            <translation>this request was used for another order</translation>
        </message>
        <message>
            <source>the order is paid already</source>
            <translation>the order is paid already</translation>
        </message>
        <message>
            <source>the order is not paid yet</source>
            <translation>the order is not paid yet</translation>
        </message>
        <message>
            <source>Tax rate {code!r}</source>
            <translation>Tax rate {code!r}</translation>
        </message>
        <message>
            <source>{what}: {value!r} is not a percent.</source>
            <translation>{what}: {value!r} is not a percent.</translation>
        </message>
        <message>
            <source>{what}: write the percent exactly, as text or a whole number (percent = "8.875"), not {value!r}.</source>
            <translation>{what}: write the percent exactly, as text or a whole number (percent = "8.875"), not {value!r}.</translation>
        </message>
        <message>
            <source>{what}: {percent} is not a valid percent (0 to under {most}).</source>
            <translation>{what}: {percent} is not a valid percent (0 to under {most}).</translation>
        </message>
        <message>
            <source>{what}: {percent:f}% has more decimals than the till keeps (at most {decimals}).</source>
            <translation>{what}: {percent:f}% has more decimals than the till keeps (at most {decimals}).</translation>
        </message>
        <message>
            <source>A tax rate needs a code, got {code!r}.</source>
            <translation>A tax rate needs a code, got {code!r}.</translation>
        </message>
        <message>
            <source>A tax rate needs a code and a percent, got {data!r}.</source>
            <translation>A tax rate needs a code and a percent, got {data!r}.</translation>
        </message>
        <message>
            <source>{entry!r} is not CODE=PERCENT (for example STANDARD=8.875).</source>
            <translation>{entry!r} is not CODE=PERCENT (for example STANDARD=8.875).</translation>
        </message>
        <message>
            <source>{value} is not a note or coin of {currency}.</source>
            <translation>{value} is not a note or coin of {currency}.</translation>
        </message>
        <message>
            <source>A count cannot be negative.</source>
            <translation>A count cannot be negative.</translation>
        </message>
        <message>
            <source>The card reader is busy (updating, or a card is still in it). Wait until it is free, then press Pay again.</source>
            <translation>The card reader is busy (updating, or a card is still in it). Wait until it is free, then press Pay again.</translation>
        </message>
        <message>
            <source>The card reader is offline. Check its power and network cable or Wi-Fi, or take another tender.</source>
            <translation>The card reader is offline. Check its power and network cable or Wi-Fi, or take another tender.</translation>
        </message>
        <message>
            <source>The card reader did not answer in time. Checking whether the payment went through…</source>
            <translation>The card reader did not answer in time. Checking whether the payment went through…</translation>
        </message>
        <message>
            <source>The card reader reported a fault. Restart it, or take another tender.</source>
            <translation>The card reader reported a fault. Restart it, or take another tender.</translation>
        </message>
        <message>
            <source>Stripe refused this till's key (revoked or expired). Card payments are off: take cash, and ask a manager to install a new key.</source>
            <translation>Stripe refused this till's key (revoked or expired). Card payments are off: take cash, and ask a manager to install a new key.</translation>
        </message>
        <message>
            <source>The card reader {reader} is no longer in this store's Stripe account (deleted or never registered). Card payments are off: take cash, and ask a manager to pick another reader (omo-pos reader list) and set it as stripe.reader_id.</source>
            <translation>The card reader {reader} is no longer in this store's Stripe account (deleted or never registered). Card payments are off: take cash, and ask a manager to pick another reader (omo-pos reader list) and set it as stripe.reader_id.</translation>
        </message>
        <message>
            <source>This till's Stripe key is not allowed to do this. Card payments are off: take cash, and ask a manager to fix the key's permissions.</source>
            <translation>This till's Stripe key is not allowed to do this. Card payments are off: take cash, and ask a manager to fix the key's permissions.</translation>
        </message>
        <message>
            <source>This till holds a full live secret key. A manager must install a restricted key (rk_…) or explicitly allow the secret key.</source>
            <translation>This till holds a full live secret key. A manager must install a restricted key (rk_…) or explicitly allow the secret key.</translation>
        </message>
        <message>
            <source>The Stripe key in the keyring is not a Stripe API key. Ask a manager.</source>
            <translation>The Stripe key in the keyring is not a Stripe API key. Ask a manager.</translation>
        </message>
        <message>
            <source>The system keyring is not available, so the Stripe key cannot be read. Card payments are off; ask a manager.</source>
            <translation>The system keyring is not available, so the Stripe key cannot be read. Card payments are off; ask a manager.</translation>
        </message>
        <message>
            <source>No Stripe key is set up on this till. Card payments are off; ask a manager.</source>
            <translation>No Stripe key is set up on this till. Card payments are off; ask a manager.</translation>
        </message>
        <message>
            <source>Stripe is overloaded right now. Try again in a moment, or take cash.</source>
            <translation>Stripe is overloaded right now. Try again in a moment, or take cash.</translation>
        </message>
        <message>
            <source>The payment request clashed with an earlier one. Call a manager.</source>
            <translation>The payment request clashed with an earlier one. Call a manager.</translation>
        </message>
        <message>
            <source>Stripe refused the request ({code}). Take another tender or call a manager.</source>
            <translation>Stripe refused the request ({code}). Take another tender or call a manager.</translation>
        </message>
        <message>
            <source>Card payments are unavailable: the store's connection to the chain's payment service is down. Take cash or another tender.</source>
            <translation>Card payments are unavailable: the store's connection to the chain's payment service is down. Take cash or another tender.</translation>
        </message>
        <message>
            <source>Card payments are slow: the chain's payment service is busy and did not take this request in time. Press Pay again in a moment, or take cash or another tender.</source>
            <translation>Card payments are slow: the chain's payment service is busy and did not take this request in time. Press Pay again in a moment, or take cash or another tender.</translation>
        </message>
        <message>
            <source>The backend does not know what was asked for ({what}).</source>
            <translation>The backend does not know what was asked for ({what}).</translation>
        </message>
        <message>
            <source>The till cannot read its backend device token from the system keyring. Ask a manager to check the till's set-up.</source>
            <translation>The till cannot read its backend device token from the system keyring. Ask a manager to check the till's set-up.</translation>
        </message>
        <message>
            <source>This till has no backend device token yet. Ask a manager to register the till.</source>
            <translation>This till has no backend device token yet. Ask a manager to register the till.</translation>
        </message>
        <message>
            <source>The OMO backend's certificate could not be verified, so the till will not talk to it. Ask a manager to check the backend address and certificate. Sales are kept.</source>
            <translation>The OMO backend's certificate could not be verified, so the till will not talk to it. Ask a manager to check the backend address and certificate. Sales are kept.</translation>
        </message>
        <message>
            <source>The OMO backend cannot be reached. Sales are kept and sent later.</source>
            <translation>The OMO backend cannot be reached. Sales are kept and sent later.</translation>
        </message>
        <message>
            <source>The connection to the OMO backend broke off. It will be retried.</source>
            <translation>The connection to the OMO backend broke off. It will be retried.</translation>
        </message>
        <message>
            <source>The OMO backend had a problem (HTTP {status}).</source>
            <translation>The OMO backend had a problem (HTTP {status}).</translation>
        </message>
        <message>
            <source>The OMO backend sent an unreadable answer. It will be retried.</source>
            <translation>The OMO backend sent an unreadable answer. It will be retried.</translation>
        </message>
        <message>
            <source>The OMO backend gave an unexpected answer (HTTP {status}).</source>
            <translation>The OMO backend gave an unexpected answer (HTTP {status}).</translation>
        </message>
        <message>
            <source>The OMO backend sent an answer this till does not understand.</source>
            <translation>The OMO backend sent an answer this till does not understand.</translation>
        </message>
        <message>
            <source>The OMO backend does not accept this till's device token (it was revoked). Ask a manager to register the till again. Sales are kept.</source>
            <translation>The OMO backend does not accept this till's device token (it was revoked). Ask a manager to register the till again. Sales are kept.</translation>
        </message>
        <message>
            <source>The OMO backend does not accept this till's device token. Ask a manager to register the till again. Sales are kept.</source>
            <translation>The OMO backend does not accept this till's device token. Ask a manager to register the till again. Sales are kept.</translation>
        </message>
        <message>
            <source>The OMO backend refused the request: {why}</source>
            <translation>The OMO backend refused the request: {why}</translation>
        </message>
        <message>
            <source>The OMO backend is busy or has a problem (HTTP {status}).</source>
            <translation>The OMO backend is busy or has a problem (HTTP {status}).</translation>
        </message>
        <message>
            <source>The OMO backend's answer does not match the events sent. It will be retried.</source>
            <translation>The OMO backend's answer does not match the events sent. It will be retried.</translation>
        </message>
        <message>
            <source>The OMO backend's copy of this till's audit log differs from this till's.</source>
            <translation>The OMO backend's copy of this till's audit log differs from this till's.</translation>
        </message>
        <message>
            <source>Another sync worker is already sending this till's sales ({folder}). Only one may run at a time.</source>
            <translation>Another sync worker is already sending this till's sales ({folder}). Only one may run at a time.</translation>
        </message>
        <message>
            <source>The OMO backend cannot be reached.</source>
            <translation>The OMO backend cannot be reached.</translation>
        </message>
        <message>
            <source>The OMO backend cannot be reached: search by name needs it.</source>
            <translation>The OMO backend cannot be reached: search by name needs it.</translation>
        </message>
    </context>
    <context>
        <name>CameraDock</name>
        <message>
            <source>Camera</source>
            <translation>Camera</translation>
        </message>
    </context>
    <context>
        <name>CardPanel</name>
        <message>
            <source>Starting the payment…</source>
            <translation>Starting the payment…</translation>
        </message>
        <message>
            <source>Ask the customer to tap, insert or swipe their card</source>
            <translation>Ask the customer to tap, insert or swipe their card</translation>
        </message>
        <message>
            <source>Processing — keep the card on the reader</source>
            <translation>Processing — keep the card on the reader</translation>
        </message>
        <message>
            <source>Payment taken, finishing…</source>
            <translation>Payment taken, finishing…</translation>
        </message>
        <message>
            <source>Approved</source>
            <translation>Approved</translation>
        </message>
        <message>
            <source>Declined</source>
            <translation>Declined</translation>
        </message>
        <message>
            <source>Card payment not possible</source>
            <translation>Card payment not possible</translation>
        </message>
        <message>
            <source>Cancelling…</source>
            <translation>Cancelling…</translation>
        </message>
        <message>
            <source>Cancel payment (Esc)</source>
            <translation>Cancel payment (Esc)</translation>
        </message>
        <message>
            <source>Back to the sale (Esc)</source>
            <translation>Back to the sale (Esc)</translation>
        </message>
        <message>
            <source>Asking the reader to stop. If the card was already tapped, the payment result decides.</source>
            <translation>Asking the reader to stop. If the card was already tapped, the payment result decides.</translation>
        </message>
    </context>
    <context>
        <name>CartModel</name>
        <message>
            <source>Item</source>
            <translation>Item</translation>
        </message>
        <message>
            <source>Qty</source>
            <translation>Qty</translation>
        </message>
        <message>
            <source>Price</source>
            <translation>Price</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>Total</translation>
        </message>
    </context>
    <context>
        <name>CashDialog</name>
        <message>
            <source>Cash</source>
            <translation>Cash</translation>
        </message>
        <message>
            <source>Due in cash: {amount}</source>
            <translation>Due in cash: {amount}</translation>
        </message>
        <message>
            <source>Exact {amount}</source>
            <translation>Exact {amount}</translation>
        </message>
        <message>
            <source>Amount given by the customer</source>
            <translation>Amount given by the customer</translation>
        </message>
        <message>
            <source>Take cash (Enter)</source>
            <translation>Take cash (Enter)</translation>
        </message>
        <message>
            <source>Back (Esc)</source>
            <translation>Back (Esc)</translation>
        </message>
        <message>
            <source>Enter the amount given</source>
            <translation>Enter the amount given</translation>
        </message>
        <message>
            <source>That is not an amount</source>
            <translation>That is not an amount</translation>
        </message>
        <message>
            <source>Short by {amount}</source>
            <translation>Short by {amount}</translation>
        </message>
        <message>
            <source>Change: {amount}</source>
            <translation>Change: {amount}</translation>
        </message>
    </context>
    <context>
        <name>CheckoutPage</name>
        <message>
            <source>Scan or search (F2)</source>
            <translation>Scan or search (F2)</translation>
        </message>
        <message>
            <source>Card</source>
            <translation>Card</translation>
        </message>
        <message>
            <source>Cash</source>
            <translation>Cash</translation>
        </message>
        <message>
            <source>Split</source>
            <translation>Split</translation>
        </message>
        <message>
            <source>Discount</source>
            <translation>Discount</translation>
        </message>
        <message>
            <source>Qty</source>
            <translation>Qty</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Remove</translation>
        </message>
        <message>
            <source>Suspend</source>
            <translation>Suspend</translation>
        </message>
        <message>
            <source>Resume</source>
            <translation>Resume</translation>
        </message>
        <message>
            <source>Void</source>
            <translation>Void</translation>
        </message>
        <message>
            <source>No sale</source>
            <translation>No sale</translation>
        </message>
        <message>
            <source>Line disc.</source>
            <translation>Line disc.</translation>
        </message>
        <message>
            <source>Price</source>
            <translation>Price</translation>
        </message>
        <message>
            <source>Reprint</source>
            <translation>Reprint</translation>
        </message>
        <message>
            <source>Member</source>
            <translation>Member</translation>
        </message>
        <message>
            <source>Select a line or a search result first.</source>
            <translation>Select a line or a search result first.</translation>
        </message>
        <message>
            <source>Select a line first (arrow keys or tap it).</source>
            <translation>Select a line first (arrow keys or tap it).</translation>
        </message>
        <message>
            <source>No member on this sale — scan the member's app QR, or Ctrl+M to type it</source>
            <translation>No member on this sale — scan the member's app QR, or Ctrl+M to type it</translation>
        </message>
    </context>
    <context>
        <name>CloseDialog</name>
        <message>
            <source>Close the till</source>
            <translation>Close the till</translation>
        </message>
        <message>
            <source>Why the difference? (kept with the closure)</source>
            <translation>Why the difference? (kept with the closure)</translation>
        </message>
    </context>
    <context>
        <name>CountDialog</name>
        <message>
            <source>Done</source>
            <translation>Done</translation>
        </message>
        <message>
            <source>Total: {amount}</source>
            <translation>Total: {amount}</translation>
        </message>
    </context>
    <context>
        <name>EnrolDialog</name>
        <message>
            <source>New member</source>
            <translation>New member</translation>
        </message>
        <message>
            <source>First name</source>
            <translation>First name</translation>
        </message>
        <message>
            <source>Last name</source>
            <translation>Last name</translation>
        </message>
        <message>
            <source>E-mail</source>
            <translation>E-mail</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Phone</translation>
        </message>
        <message>
            <source>An e-mail address or a phone number is enough. Ask the customer for each choice:</source>
            <translation>An e-mail address or a phone number is enough. Ask the customer for each choice:</translation>
        </message>
        <message>
            <source>Offers and news by e-mail or SMS</source>
            <translation>Offers and news by e-mail or SMS</translation>
        </message>
        <message>
            <source>Use my purchases and views for suggestions in the shop and the app</source>
            <translation>Use my purchases and views for suggestions in the shop and the app</translation>
        </message>
        <message>
            <source>Receipts by e-mail</source>
            <translation>Receipts by e-mail</translation>
        </message>
        <message>
            <source>Enrol</source>
            <translation>Enrol</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>LoginScreen</name>
        <message>
            <source>Type or tap your PIN, then Enter</source>
            <translation>Type or tap your PIN, then Enter</translation>
        </message>
        <message>
            <source>OMO POS</source>
            <translation>OMO POS</translation>
        </message>
        <message>
            <source>Log in</source>
            <translation>Log in</translation>
        </message>
        <message>
            <source>Staff PIN</source>
            <translation>Staff PIN</translation>
        </message>
        <message>
            <source>Enter your staff PIN</source>
            <translation>Enter your staff PIN</translation>
        </message>
        <message>
            <source>Locked. {name}, or anyone on staff: enter your PIN</source>
            <translation>Locked. {name}, or anyone on staff: enter your PIN</translation>
        </message>
        <message>
            <source>Too many wrong PINs. Try again in {wait}, or ask a manager.</source>
            <translation>Too many wrong PINs. Try again in {wait}, or ask a manager.</translation>
        </message>
        <message>
            <source>You can try again now.</source>
            <translation>You can try again now.</translation>
        </message>
        <message>
            <source>Checking…</source>
            <translation>Checking…</translation>
        </message>
        <message>
            <source>The PIN could not be checked. Try again, or call a manager.</source>
            <translation>The PIN could not be checked. Try again, or call a manager.</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>OMO POS — {store} — till {till}</source>
            <translation>OMO POS — {store} — till {till}</translation>
        </message>
        <message>
            <source>Opening the till…</source>
            <translation>Opening the till…</translation>
        </message>
        <message>
            <source>Sell</source>
            <translation>Sell</translation>
        </message>
        <message>
            <source>Till</source>
            <translation>Till</translation>
        </message>
        <message>
            <source>Members</source>
            <translation>Members</translation>
        </message>
        <message>
            <source>Returns &amp; pickups</source>
            <translation>Returns &amp; pickups</translation>
        </message>
        <message>
            <source>Stock</source>
            <translation>Stock</translation>
        </message>
        <message>
            <source>The till cannot start:

{error}

Nothing was changed. Call a manager.</source>
            <translation>The till cannot start:

{error}

Nothing was changed. Call a manager.</translation>
        </message>
        <message>
            <source>The sale that was open when the till stopped is back. Carry on.</source>
            <translation>The sale that was open when the till stopped is back. Carry on.</translation>
        </message>
        <message numerus="yes">
            <source>%n card payments interrupted by a stop were settled with Stripe; a manager will see them flagged.</source>
            <translation>
                <numerusform>%n card payments interrupted by a stop were settled with Stripe; a manager will see them flagged.</numerusform>
                <numerusform>%n card payments interrupted by a stop were settled with Stripe; a manager will see them flagged.</numerusform>
            </translation>
        </message>
        <message>
            <source>A manager can correct it on the Till page ({key}).</source>
            <translation>A manager can correct it on the Till page ({key}).</translation>
        </message>
        <message>
            <source>A manager can correct it on the Till page.</source>
            <translation>A manager can correct it on the Till page.</translation>
        </message>
        <message>
            <source>Log in first, then scan again.</source>
            <translation>Log in first, then scan again.</translation>
        </message>
        <message>
            <source>Finish or close the open window first, then scan again.</source>
            <translation>Finish or close the open window first, then scan again.</translation>
        </message>
    </context>
    <context>
        <name>MemberSalePresenter</name>
        <message>
            <source>points: Shift+F10</source>
            <translation>points: Shift+F10</translation>
        </message>
        <message>
            <source>Offers: {n}, −{amount} (Ctrl+K) · points: Shift+F10</source>
            <translation>Offers: {n}, −{amount} (Ctrl+K) · points: Shift+F10</translation>
        </message>
        <message>
            <source>No coupon or promotion for this sale.</source>
            <translation>No coupon or promotion for this sale.</translation>
        </message>
        <message>
            <source>✓ {name} −{amount} (take it off)</source>
            <translation>✓ {name} −{amount} (take it off)</translation>
        </message>
        <message>
            <source>✗ {name} (put it back)</source>
            <translation>✗ {name} (put it back)</translation>
        </message>
        <message>
            <source>Coupons and promotions</source>
            <translation>Coupons and promotions</translation>
        </message>
        <message>
            <source>Applied by themselves. Pick one to take it off or put it back:</source>
            <translation>Applied by themselves. Pick one to take it off or put it back:</translation>
        </message>
        <message>
            <source>Attach the member first: points pay only for their own sale.</source>
            <translation>Attach the member first: points pay only for their own sale.</translation>
        </message>
        <message>
            <source>{points} points</source>
            <translation>{points} points</translation>
        </message>
        <message>
            <source>Type the number of points, e.g. 500.</source>
            <translation>Type the number of points, e.g. 500.</translation>
        </message>
        <message>
            <source>Checking the member's points…</source>
            <translation>Checking the member's points…</translation>
        </message>
        <message>
            <source>Pay with points</source>
            <translation>Pay with points</translation>
        </message>
        <message>
            <source>Points to redeem (due {due}; {have}):</source>
            <translation>Points to redeem (due {due}; {have}):</translation>
        </message>
        <message>
            <source>Handing the cart over…</source>
            <translation>Handing the cart over…</translation>
        </message>
        <message>
            <source>{shop} here ({app} in the app) · added</source>
            <translation>{shop} here ({app} in the app) · added</translation>
        </message>
        <message>
            <source>out of stock here · tap to add one the customer holds</source>
            <translation>out of stock here · tap to add one the customer holds</translation>
        </message>
        <message>
            <source>not sold in this shop</source>
            <translation>not sold in this shop</translation>
        </message>
    </context>
    <context>
        <name>MembersPage</name>
        <message>
            <source>Scan the member's code, or type a number, name, phone or e-mail</source>
            <translation>Scan the member's code, or type a number, name, phone or e-mail</translation>
        </message>
        <message>
            <source>&amp;Find</source>
            <translation>&amp;Find</translation>
        </message>
        <message>
            <source>&amp;New member</source>
            <translation>&amp;New member</translation>
        </message>
        <message>
            <source>&amp;Check in</source>
            <translation>&amp;Check in</translation>
        </message>
        <message>
            <source>Take &amp;back</source>
            <translation>Take &amp;back</translation>
        </message>
        <message>
            <source>Open the selected recent order in Returns &amp; pickups</source>
            <translation>Open the selected recent order in Returns &amp; pickups</translation>
        </message>
        <message>
            <source>Coupons</source>
            <translation>Coupons</translation>
        </message>
        <message>
            <source>Recent orders</source>
            <translation>Recent orders</translation>
        </message>
        <message>
            <source>Recently viewed online</source>
            <translation>Recently viewed online</translation>
        </message>
        <message>
            <source>Suggestions</source>
            <translation>Suggestions</translation>
        </message>
        <message>
            <source>No member open</source>
            <translation>No member open</translation>
        </message>
        <message>
            <source>Enter or a double tap adds it to the sale</source>
            <translation>Enter or a double tap adds it to the sale</translation>
        </message>
    </context>
    <context>
        <name>MembersPresenter</name>
        <message>
            <source>Looking up…</source>
            <translation>Looking up…</translation>
        </message>
        <message>
            <source>Added to the sale: {name}. The sale is on Sell (Alt+1).</source>
            <translation>Added to the sale: {name}. The sale is on Sell (Alt+1).</translation>
        </message>
        <message>
            <source>{name} · {tier} · no. {no} {hint}</source>
            <translation>{name} · {tier} · no. {no} {hint}</translation>
        </message>
        <message>
            <source>{name} · {tier} · no. {no}</source>
            <translation>{name} · {tier} · no. {no}</translation>
        </message>
        <message>
            <source>{points} points</source>
            <translation>{points} points</translation>
        </message>
        <message>
            <source>(provisional: from this till's cache, the backend cannot be reached)</source>
            <translation>(provisional: from this till's cache, the backend cannot be reached)</translation>
        </message>
        <message>
            <source>(provisional: {n:+} not yet synced)</source>
            <translation>(provisional: {n:+} not yet synced)</translation>
        </message>
        <message>
            <source>checked in today</source>
            <translation>checked in today</translation>
        </message>
        <message>
            <source>Found without the member's code: only what checkout needs. Scan their code for more.</source>
            <translation>Found without the member's code: only what checkout needs. Scan their code for more.</translation>
        </message>
        <message>
            <source>The member has not consented to personalisation: only what checkout needs.</source>
            <translation>The member has not consented to personalisation: only what checkout needs.</translation>
        </message>
        <message>
            <source>{title} ({off} off)</source>
            <translation>{title} ({off} off)</translation>
        </message>
        <message>
            <source>{date} online, order {ref}: {total} — {items}</source>
            <translation>{date} online, order {ref}: {total} — {items}</translation>
        </message>
        <message>
            <source>{date} in store: {total} — {items}</source>
            <translation>{date} in store: {total} — {items}</translation>
        </message>
        <message>
            <source>bought together</source>
            <translation>bought together</translation>
        </message>
        <message>
            <source>viewed</source>
            <translation>viewed</translation>
        </message>
        <message>
            <source>{name} ({why})</source>
            <translation>{name} ({why})</translation>
        </message>
        <message>
            <source>Your role cannot take goods back.</source>
            <translation>Your role cannot take goods back.</translation>
        </message>
    </context>
    <context>
        <name>NumericKeypad</name>
        <message>
            <source>Delete the last digit (Backspace)</source>
            <translation>Delete the last digit (Backspace)</translation>
        </message>
        <message>
            <source>Delete last digit</source>
            <translation>Delete last digit</translation>
        </message>
        <message>
            <source>Enter</source>
            <translation>Enter</translation>
        </message>
    </context>
    <context>
        <name>OverrideDialog</name>
        <message>
            <source>Manager approval</source>
            <translation>Manager approval</translation>
        </message>
        <message>
            <source>Asked by {name} ({role})</source>
            <translation>Asked by {name} ({role})</translation>
        </message>
        <message>
            <source>Reason (required) — then Enter</source>
            <translation>Reason (required) — then Enter</translation>
        </message>
        <message>
            <source>Reason (optional)</source>
            <translation>Reason (optional)</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>Manager: enter your PIN to approve</source>
            <translation>Manager: enter your PIN to approve</translation>
        </message>
        <message>
            <source>Approve</source>
            <translation>Approve</translation>
        </message>
        <message>
            <source>Manager PIN</source>
            <translation>Manager PIN</translation>
        </message>
        <message>
            <source>Cancel (Esc)</source>
            <translation>Cancel (Esc)</translation>
        </message>
        <message>
            <source>Too many wrong PINs. Try again in {wait}.</source>
            <translation>Too many wrong PINs. Try again in {wait}.</translation>
        </message>
        <message>
            <source>You can try again now.</source>
            <translation>You can try again now.</translation>
        </message>
        <message>
            <source>Checking…</source>
            <translation>Checking…</translation>
        </message>
        <message>
            <source>The PIN could not be checked. Try again.</source>
            <translation>The PIN could not be checked. Try again.</translation>
        </message>
    </context>
    <context>
        <name>PickupsPanel</name>
        <message>
            <source>Comes back for it</source>
            <translation>Comes back for it</translation>
        </message>
        <message>
            <source>Wrong size or colour</source>
            <translation>Wrong size or colour</translation>
        </message>
        <message>
            <source>Damaged</source>
            <translation>Damaged</translation>
        </message>
        <message>
            <source>Changed mind</source>
            <translation>Changed mind</translation>
        </message>
        <message>
            <source>Hand over</source>
            <translation>Hand over</translation>
        </message>
        <message>
            <source>Check customer</source>
            <translation>Check customer</translation>
        </message>
        <message>
            <source>Back to stock</source>
            <translation>Back to stock</translation>
        </message>
        <message>
            <source>Refresh list</source>
            <translation>Refresh list</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Scan the order's QR code or type its number (F2)</source>
            <translation>Scan the order's QR code or type its number (F2)</translation>
        </message>
        <message>
            <source>Order</source>
            <translation>Order</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>Customer</translation>
        </message>
        <message>
            <source>Shelf</source>
            <translation>Shelf</translation>
        </message>
        <message>
            <source>Waiting</source>
            <translation>Waiting</translation>
        </message>
        <message>
            <source>Items</source>
            <translation>Items</translation>
        </message>
        <message>
            <source>Pick an order (Enter or double-click) or scan it.</source>
            <translation>Pick an order (Enter or double-click) or scan it.</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>Item</translation>
        </message>
        <message>
            <source>Ordered</source>
            <translation>Ordered</translation>
        </message>
        <message>
            <source>Give now</source>
            <translation>Give now</translation>
        </message>
        <message>
            <source>Why the rest stays</source>
            <translation>Why the rest stays</translation>
        </message>
        <message>
            <source>+ / − or a digit: how many are handed over now · Enter: why the rest stays</source>
            <translation>+ / − or a digit: how many are handed over now · Enter: why the rest stays</translation>
        </message>
        <message>
            <source>{item}
({n} handed over)</source>
            <translation>{item}
({n} handed over)</translation>
        </message>
    </context>
    <context>
        <name>PickupsPresenter</name>
        <message>
            <source>Not collected in time — back to stock</source>
            <translation>Not collected in time — back to stock</translation>
        </message>
        <message>
            <source>Partly handed over</source>
            <translation>Partly handed over</translation>
        </message>
        <message>
            <source>As of {time} (backend)</source>
            <translation>As of {time} (backend)</translation>
        </message>
        <message>
            <source>Order {order} · {customer} · shelf {shelf}{checked}</source>
            <translation>Order {order} · {customer} · shelf {shelf}{checked}</translation>
        </message>
        <message>
            <source>customer checked</source>
            <translation>customer checked</translation>
        </message>
        <message>
            <source>check the customer (F4)</source>
            <translation>check the customer (F4)</translation>
        </message>
        <message>
            <source>not collected in time</source>
            <translation>not collected in time</translation>
        </message>
        <message>
            <source>{n} h</source>
            <translation>{n} h</translation>
        </message>
        <message>
            <source>{n} days</source>
            <translation>{n} days</translation>
        </message>
        <message>
            <source>Back to stock</source>
            <translation>Back to stock</translation>
        </message>
        <message>
            <source>Order {order} was not collected: take it back and refund the customer?</source>
            <translation>Order {order} was not collected: take it back and refund the customer?</translation>
        </message>
    </context>
    <context>
        <name>PinDots</name>
        <message>
            <source>PIN</source>
            <translation>PIN</translation>
        </message>
    </context>
    <context>
        <name>PosStatusBar</name>
        <message>
            <source>Backend: online</source>
            <translation>Backend: online</translation>
        </message>
        <message>
            <source>Backend: degraded</source>
            <translation>Backend: degraded</translation>
        </message>
        <message>
            <source>Backend: offline</source>
            <translation>Backend: offline</translation>
        </message>
        <message>
            <source>Backend: not configured</source>
            <translation>Backend: not configured</translation>
        </message>
        <message>
            <source>Backend: unknown</source>
            <translation>Backend: unknown</translation>
        </message>
        <message numerus="yes">
            <source>Queue: %n</source>
            <translation>
                <numerusform>Queue: %n</numerusform>
                <numerusform>Queue: %n</numerusform>
            </translation>
        </message>
        <message>
            <source>(oldest {age})</source>
            <translation>(oldest {age})</translation>
        </message>
        <message>
            <source>1 needs a manager</source>
            <translation>1 needs a manager</translation>
        </message>
        <message numerus="yes">
            <source>%n need a manager</source>
            <translation>
                <numerusform>%n need a manager</numerusform>
                <numerusform>%n need a manager</numerusform>
            </translation>
        </message>
        <message>
            <source>Card: ready</source>
            <translation>Card: ready</translation>
        </message>
        <message>
            <source>Card unavailable: Stripe unreachable, take cash</source>
            <translation>Card unavailable: Stripe unreachable, take cash</translation>
        </message>
        <message>
            <source>Card: not set up</source>
            <translation>Card: not set up</translation>
        </message>
        <message>
            <source>Card: checking…</source>
            <translation>Card: checking…</translation>
        </message>
        <message>
            <source>Reader: online</source>
            <translation>Reader: online</translation>
        </message>
        <message>
            <source>Reader: busy</source>
            <translation>Reader: busy</translation>
        </message>
        <message>
            <source>Reader: offline</source>
            <translation>Reader: offline</translation>
        </message>
        <message>
            <source>Reader: none</source>
            <translation>Reader: none</translation>
        </message>
        <message>
            <source>Reader: unknown</source>
            <translation>Reader: unknown</translation>
        </message>
        <message>
            <source>Catalog sync {pct}</source>
            <translation>Catalog sync {pct}</translation>
        </message>
    </context>
    <context>
        <name>Presenter</name>
        <message>
            <source>That did not work: {error}. Nothing was lost; try again.</source>
            <translation>That did not work: {error}. Nothing was lost; try again.</translation>
        </message>
        <message>
            <source>Receipt not printed: {problem} It waits in the print queue.</source>
            <translation>Receipt not printed: {problem} It waits in the print queue.</translation>
        </message>
        <message>
            <source>Printer problem: {error}. The receipt is kept.</source>
            <translation>Printer problem: {error}. The receipt is kept.</translation>
        </message>
        <message>
            <source>Not approved; nothing changed.</source>
            <translation>Not approved; nothing changed.</translation>
        </message>
    </context>
    <context>
        <name>QrDialog</name>
        <message>
            <source>Scan with the OMO app</source>
            <translation>Scan with the OMO app</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Done</translation>
        </message>
    </context>
    <context>
        <name>receipt</name>
        <message>
            <source>Receipt {}</source>
            <translation>Receipt {}</translation>
        </message>
        <message>
            <source>Till {}</source>
            <translation>Till {}</translation>
        </message>
        <message>
            <source>Cashier {}</source>
            <translation>Cashier {}</translation>
        </message>
        <message>
            <source>Member {}</source>
            <translation>Member {}</translation>
        </message>
        <message>
            <source>Discount</source>
            <translation>Discount</translation>
        </message>
        <message>
            <source>Subtotal</source>
            <translation>Subtotal</translation>
        </message>
        <message>
            <source>Discounts</source>
            <translation>Discounts</translation>
        </message>
        <message>
            <source>TOTAL</source>
            <translation>TOTAL</translation>
        </message>
        <message>
            <source>Rate</source>
            <translation>Rate</translation>
        </message>
        <message>
            <source>Net</source>
            <translation>Net</translation>
        </message>
        <message>
            <source>Tax</source>
            <translation>Tax</translation>
        </message>
        <message>
            <source>Gross</source>
            <translation>Gross</translation>
        </message>
        <message>
            <source>Auth {}</source>
            <translation>Auth {}</translation>
        </message>
        <message>
            <source>Cash rounding</source>
            <translation>Cash rounding</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>Change</translation>
        </message>
        <message>
            <source>PAYMENT PENDING</source>
            <translation>PAYMENT PENDING</translation>
        </message>
        <message>
            <source>Not a proof of payment</source>
            <translation>Not a proof of payment</translation>
        </message>
        <message>
            <source>COPY</source>
            <translation>COPY</translation>
        </message>
        <message>
            <source>Duplicate of the original receipt</source>
            <translation>Duplicate of the original receipt</translation>
        </message>
        <message>
            <source>REPRINT</source>
            <translation>REPRINT</translation>
        </message>
        <message>
            <source>Reprint of the original receipt</source>
            <translation>Reprint of the original receipt</translation>
        </message>
        <message>
            <source>Order {}</source>
            <translation>Order {}</translation>
        </message>
        <message>
            <source>Home delivery by {} from {}</source>
            <translation>Home delivery by {} from {}</translation>
        </message>
        <message>
            <source>Collect here from {} (from {})</source>
            <translation>Collect here from {} (from {})</translation>
        </message>
        <message>
            <source>Reserved at {}, collected</source>
            <translation>Reserved at {}, collected</translation>
        </message>
        <message>
            <source>Scan with the OMO app</source>
            <translation>Scan with the OMO app</translation>
        </message>
        <message>
            <source>to claim this purchase</source>
            <translation>to claim this purchase</translation>
        </message>
        <message>
            <source>Your order: show this code</source>
            <translation>Your order: show this code</translation>
        </message>
        <message>
            <source>to collect it or to ask about it</source>
            <translation>to collect it or to ask about it</translation>
        </message>
        <message>
            <source>Z report {}</source>
            <translation>Z report {}</translation>
        </message>
        <message>
            <source>Closed by {}</source>
            <translation>Closed by {}</translation>
        </message>
        <message>
            <source>NET SALES</source>
            <translation>NET SALES</translation>
        </message>
        <message>
            <source>Cash</source>
            <translation>Cash</translation>
        </message>
        <message>
            <source>Card</source>
            <translation>Card</translation>
        </message>
        <message>
            <source>Points</source>
            <translation>Points</translation>
        </message>
        <message>
            <source>Points earned: {} (provisional)</source>
            <translation>Points earned: {} (provisional)</translation>
        </message>
        <message>
            <source>redeemed: {}</source>
            <translation>redeemed: {}</translation>
        </message>
        <message>
            <source>Prices include VAT</source>
            <translation>Prices include VAT</translation>
        </message>
        <message>
            <source>Thank you for shopping with us</source>
            <translation>Thank you for shopping with us</translation>
        </message>
    </context>
    <context>
        <name>ReceiptDialog</name>
        <message>
            <source>Receipt %s</source>
            <translation>Receipt %s</translation>
        </message>
        <message>
            <source>&amp;Print…</source>
            <translation>&amp;Print…</translation>
        </message>
        <message>
            <source>Save as P&amp;DF…</source>
            <translation>Save as P&amp;DF…</translation>
        </message>
        <message>
            <source>Save receipt as PDF</source>
            <translation>Save receipt as PDF</translation>
        </message>
    </context>
    <context>
        <name>ReceiptDock</name>
        <message>
            <source>Receipt</source>
            <translation>Receipt</translation>
        </message>
        <message>
            <source>Print or save as PDF…</source>
            <translation>Print or save as PDF…</translation>
        </message>
    </context>
    <context>
        <name>ReceiptView</name>
        <message>
            <source>Receipt</source>
            <translation>Receipt</translation>
        </message>
    </context>
    <context>
        <name>ReturnsPanel</name>
        <message>
            <source>Refund to payment</source>
            <translation>Refund to payment</translation>
        </message>
        <message>
            <source>Store credit</source>
            <translation>Store credit</translation>
        </message>
        <message>
            <source>Exchange</source>
            <translation>Exchange</translation>
        </message>
        <message>
            <source>Check customer</source>
            <translation>Check customer</translation>
        </message>
        <message>
            <source>No receipt</source>
            <translation>No receipt</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation>Clear</translation>
        </message>
        <message>
            <source>Scan the order or receipt QR, or type its number (F2)</source>
            <translation>Scan the order or receipt QR, or type its number (F2)</translation>
        </message>
        <message>
            <source>Find</source>
            <translation>Find</translation>
        </message>
        <message>
            <source>Scan the order's QR code (e-mail or app), a receipt, or a member's app.</source>
            <translation>Scan the order's QR code (e-mail or app), a receipt, or a member's app.</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>Item</translation>
        </message>
        <message>
            <source>Bought</source>
            <translation>Bought</translation>
        </message>
        <message>
            <source>Left</source>
            <translation>Left</translation>
        </message>
        <message>
            <source>Take back</source>
            <translation>Take back</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>Resell</source>
            <translation>Resell</translation>
        </message>
        <message>
            <source>+ / − or a digit: how many come back · Space: resell · Enter: the reason</source>
            <translation>+ / − or a digit: how many come back · Space: resell · Enter: the reason</translation>
        </message>
        <message>
            <source>Complete</source>
            <translation>Complete</translation>
        </message>
        <message>
            <source>Complete, rest as credit</source>
            <translation>Complete, rest as credit</translation>
        </message>
        <message>
            <source>Give up</source>
            <translation>Give up</translation>
        </message>
        <message>
            <source>Retry</source>
            <translation>Retry</translation>
        </message>
        <message>
            <source>Rest as store credit</source>
            <translation>Rest as store credit</translation>
        </message>
        <message>
            <source>Rest in cash</source>
            <translation>Rest in cash</translation>
        </message>
    </context>
    <context>
        <name>ReturnsPickupsPage</name>
        <message>
            <source>Returns  Ctrl+PgUp</source>
            <translation>Returns  Ctrl+PgUp</translation>
        </message>
        <message>
            <source>Pickups  Ctrl+PgDn</source>
            <translation>Pickups  Ctrl+PgDn</translation>
        </message>
        <message>
            <source>The scan was cut short ({n} characters arrived): scan the code again.</source>
            <translation>The scan was cut short ({n} characters arrived): scan the code again.</translation>
        </message>
    </context>
    <context>
        <name>ReturnsPresenter</name>
        <message>
            <source>{label}: {total} — {problem}</source>
            <translation>{label}: {total} — {problem}</translation>
        </message>
        <message>
            <source>interrupted</source>
            <translation>interrupted</translation>
        </message>
        <message>
            <source>Return without a receipt: scan the items (today's prices, store credit).</source>
            <translation>Return without a receipt: scan the items (today's prices, store credit).</translation>
        </message>
        <message>
            <source>Order {label}</source>
            <translation>Order {label}</translation>
        </message>
        <message>
            <source>Receipt {label}</source>
            <translation>Receipt {label}</translation>
        </message>
        <message>
            <source>{what} · {when} · paid {paid} ({how}){who}{unverified}</source>
            <translation>{what} · {when} · paid {paid} ({how}){who}{unverified}</translation>
        </message>
        <message>
            <source>not checked by the backend</source>
            <translation>not checked by the backend</translation>
        </message>
        <message>
            <source>Customer checked.</source>
            <translation>Customer checked.</translation>
        </message>
        <message>
            <source>Found by its number: check the customer first (F4).</source>
            <translation>Found by its number: check the customer first (F4).</translation>
        </message>
        <message>
            <source>to the card</source>
            <translation>to the card</translation>
        </message>
        <message>
            <source>in cash</source>
            <translation>in cash</translation>
        </message>
        <message>
            <source>as points</source>
            <translation>as points</translation>
        </message>
        <message>
            <source>as store credit</source>
            <translation>as store credit</translation>
        </message>
        <message>
            <source>points −{taken} / +{given}</source>
            <translation>points −{taken} / +{given}</translation>
        </message>
        <message>
            <source>Refund {total} (tax {tax})</source>
            <translation>Refund {total} (tax {tax})</translation>
        </message>
        <message>
            <source>the customer pays {amount}</source>
            <translation>the customer pays {amount}</translation>
        </message>
        <message>
            <source>the customer gets {amount} back</source>
            <translation>the customer gets {amount} back</translation>
        </message>
        <message>
            <source>nothing to pay either way</source>
            <translation>nothing to pay either way</translation>
        </message>
        <message>
            <source>Exchange from {label}: {items} back, credit {credit}; new items on Sell {new}: {net}.</source>
            <translation>Exchange from {label}: {items} back, credit {credit}; new items on Sell {new}: {net}.</translation>
        </message>
        <message>
            <source>Wait: a refund is being made.</source>
            <translation>Wait: a refund is being made.</translation>
        </message>
        <message>
            <source>Opening {ref}…</source>
            <translation>Opening {ref}…</translation>
        </message>
        <message>
            <source>online</source>
            <translation>online</translation>
        </message>
        <message>
            <source>in store</source>
            <translation>in store</translation>
        </message>
        <message>
            <source>Recent orders</source>
            <translation>Recent orders</translation>
        </message>
        <message>
            <source>Which purchase comes back?</source>
            <translation>Which purchase comes back?</translation>
        </message>
        <message>
            <source>Give up</source>
            <translation>Give up</translation>
        </message>
        <message>
            <source>Give this return up? Nothing of it was refunded; the items stay the customer's.</source>
            <translation>Give this return up? Nothing of it was refunded; the items stay the customer's.</translation>
        </message>
        <message>
            <source>Interac: ask the customer to tap their card on the reader for the refund.</source>
            <translation>Interac: ask the customer to tap their card on the reader for the refund.</translation>
        </message>
        <message>
            <source>Their name</source>
            <translation>Their name</translation>
        </message>
        <message>
            <source>Last 4 digits of the card</source>
            <translation>Last 4 digits of the card</translation>
        </message>
        <message>
            <source>The code in their app</source>
            <translation>The code in their app</translation>
        </message>
        <message>
            <source>Check the customer</source>
            <translation>Check the customer</translation>
        </message>
        <message>
            <source>What does the customer give?</source>
            <translation>What does the customer give?</translation>
        </message>
    </context>
    <context>
        <name>SellPresenter</name>
        <message>
            <source>price changed: {reason}</source>
            <translation>price changed: {reason}</translation>
        </message>
        <message>
            <source>{rate} on {amount}</source>
            <translation>{rate} on {amount}</translation>
        </message>
        <message>
            <source>{name} · {tier} · no. {no}</source>
            <translation>{name} · {tier} · no. {no}</translation>
        </message>
        <message>
            <source>Member</source>
            <translation>Member</translation>
        </message>
        <message>
            <source>member</source>
            <translation>member</translation>
        </message>
        <message>
            <source>{points} points</source>
            <translation>{points} points</translation>
        </message>
        <message>
            <source>order {order}: delivered by {day}</source>
            <translation>order {order}: delivered by {day}</translation>
        </message>
        <message>
            <source>order {order}: collect here from {day}</source>
            <translation>order {order}: collect here from {day}</translation>
        </message>
        <message>
            <source>reservation {order}</source>
            <translation>reservation {order}</translation>
        </message>
        <message>
            <source>{name} · {role} · till {till}</source>
            <translation>{name} · {role} · till {till}</translation>
        </message>
        <message>
            <source>The scan was cut short ({n} characters arrived): scan the item again.</source>
            <translation>The scan was cut short ({n} characters arrived): scan the item again.</translation>
        </message>
        <message>
            <source>Quantity</source>
            <translation>Quantity</translation>
        </message>
        <message>
            <source>Quantity of {item}:</source>
            <translation>Quantity of {item}:</translation>
        </message>
        <message>
            <source>Wait: the payment is being finished.</source>
            <translation>Wait: the payment is being finished.</translation>
        </message>
        <message>
            <source>Member number (from the card or the app):</source>
            <translation>Member number (from the card or the app):</translation>
        </message>
        <message>
            <source>Discount</source>
            <translation>Discount</translation>
        </message>
        <message>
            <source>Discount on this line: percent (10%) or amount (2.50)</source>
            <translation>Discount on this line: percent (10%) or amount (2.50)</translation>
        </message>
        <message>
            <source>Discount on the whole sale: percent (10%) or amount (2.50)</source>
            <translation>Discount on the whole sale: percent (10%) or amount (2.50)</translation>
        </message>
        <message>
            <source>Price override</source>
            <translation>Price override</translation>
        </message>
        <message>
            <source>Reason (kept in the audit log):</source>
            <translation>Reason (kept in the audit log):</translation>
        </message>
        <message>
            <source>New unit price:</source>
            <translation>New unit price:</translation>
        </message>
        <message>
            <source>No sale</source>
            <translation>No sale</translation>
        </message>
        <message>
            <source>Why open the drawer? (logged)</source>
            <translation>Why open the drawer? (logged)</translation>
        </message>
        <message>
            <source>No suspended sales on this till.</source>
            <translation>No suspended sales on this till.</translation>
        </message>
        <message>
            <source>Resume</source>
            <translation>Resume</translation>
        </message>
        <message>
            <source>Which sale?</source>
            <translation>Which sale?</translation>
        </message>
    </context>
    <context>
        <name>Shortcuts</name>
        <message>
            <source>Search products</source>
            <translation>Search products</translation>
        </message>
        <message>
            <source>Change quantity of the selected line</source>
            <translation>Change quantity of the selected line</translation>
        </message>
        <message>
            <source>Discount the selected line</source>
            <translation>Discount the selected line</translation>
        </message>
        <message>
            <source>Discount the whole sale</source>
            <translation>Discount the whole sale</translation>
        </message>
        <message>
            <source>Override the price of the selected line</source>
            <translation>Override the price of the selected line</translation>
        </message>
        <message>
            <source>Pay by card on the reader</source>
            <translation>Pay by card on the reader</translation>
        </message>
        <message>
            <source>Pay cash</source>
            <translation>Pay cash</translation>
        </message>
        <message>
            <source>Split: card for part, cash for the rest</source>
            <translation>Split: card for part, cash for the rest</translation>
        </message>
        <message>
            <source>Suspend the sale</source>
            <translation>Suspend the sale</translation>
        </message>
        <message>
            <source>Resume a suspended sale</source>
            <translation>Resume a suspended sale</translation>
        </message>
        <message>
            <source>Remove the selected line</source>
            <translation>Remove the selected line</translation>
        </message>
        <message>
            <source>Void the sale (manager)</source>
            <translation>Void the sale (manager)</translation>
        </message>
        <message>
            <source>Open the drawer without a sale (reason)</source>
            <translation>Open the drawer without a sale (reason)</translation>
        </message>
        <message>
            <source>Reprint the last receipt</source>
            <translation>Reprint the last receipt</translation>
        </message>
        <message>
            <source>Type a member number</source>
            <translation>Type a member number</translation>
        </message>
        <message>
            <source>Coupons and promotions: take one off or back</source>
            <translation>Coupons and promotions: take one off or back</translation>
        </message>
        <message>
            <source>Pay with the member's points</source>
            <translation>Pay with the member's points</translation>
        </message>
        <message>
            <source>Hand the cart to the customer's phone (QR)</source>
            <translation>Hand the cart to the customer's phone (QR)</translation>
        </message>
        <message>
            <source>Lock the till</source>
            <translation>Lock the till</translation>
        </message>
        <message>
            <source>Stock of the selected line or search result everywhere</source>
            <translation>Stock of the selected line or search result everywhere</translation>
        </message>
    </context>
    <context>
        <name>SimulatorPanel</name>
        <message>
            <source>Demo</source>
            <translation>Demo</translation>
        </message>
        <message>
            <source>Demo: be the customer and the world around the till</source>
            <translation>Demo: be the customer and the world around the till</translation>
        </message>
        <message>
            <source>Card reader</source>
            <translation>Card reader</translation>
        </message>
        <message>
            <source>Tap this card</source>
            <translation>Tap this card</translation>
        </message>
        <message>
            <source>Decline</source>
            <translation>Decline</translation>
        </message>
        <message>
            <source>Customer cancels</source>
            <translation>Customer cancels</translation>
        </message>
        <message>
            <source>Reader times out</source>
            <translation>Reader times out</translation>
        </message>
        <message>
            <source>Network</source>
            <translation>Network</translation>
        </message>
        <message>
            <source>Backend offline</source>
            <translation>Backend offline</translation>
        </message>
        <message>
            <source>Camera</source>
            <translation>Camera</translation>
        </message>
        <message>
            <source>Member's phone</source>
            <translation>Member's phone</translation>
        </message>
        <message>
            <source>Order QR</source>
            <translation>Order QR</translation>
        </message>
        <message>
            <source>Phone away</source>
            <translation>Phone away</translation>
        </message>
        <message>
            <source>Backend back online</source>
            <translation>Backend back online</translation>
        </message>
    </context>
    <context>
        <name>SplitDialog</name>
        <message>
            <source>Split payment</source>
            <translation>Split payment</translation>
        </message>
        <message>
            <source>Total due: {amount}</source>
            <translation>Total due: {amount}</translation>
        </message>
        <message>
            <source>Amount to put on the card now (the rest in cash):</source>
            <translation>Amount to put on the card now (the rest in cash):</translation>
        </message>
        <message>
            <source>Card first (Enter)</source>
            <translation>Card first (Enter)</translation>
        </message>
    </context>
    <context>
        <name>StockPage</name>
        <message>
            <source>Scan an item, or type its SKU or name, then Enter</source>
            <translation>Scan an item, or type its SKU or name, then Enter</translation>
        </message>
        <message>
            <source>Stock in every store</source>
            <translation>Stock in every store</translation>
        </message>
        <message>
            <source>Store</source>
            <translation>Store</translation>
        </message>
        <message>
            <source>Can sell</source>
            <translation>Can sell</translation>
        </message>
        <message>
            <source>On hand</source>
            <translation>On hand</translation>
        </message>
        <message>
            <source>Held</source>
            <translation>Held</translation>
        </message>
        <message>
            <source>Open today</source>
            <translation>Open today</translation>
        </message>
        <message>
            <source>Coming</source>
            <translation>Coming</translation>
        </message>
        <message>
            <source>Variants — each: here / other stores / warehouse</source>
            <translation>Variants — each: here / other stores / warehouse</translation>
        </message>
        <message>
            <source>&amp;Reserve there</source>
            <translation>&amp;Reserve there</translation>
        </message>
        <message>
            <source>&amp;Collect here tomorrow</source>
            <translation>&amp;Collect here tomorrow</translation>
        </message>
        <message>
            <source>&amp;Deliver home</source>
            <translation>&amp;Deliver home</translation>
        </message>
        <message>
            <source>Reser&amp;vation here</source>
            <translation>Reser&amp;vation here</translation>
        </message>
        <message>
            <source>Refresh (F5)</source>
            <translation>Refresh (F5)</translation>
        </message>
    </context>
    <context>
        <name>StockPresenter</name>
        <message>
            <source>Asking the OMO backend…</source>
            <translation>Asking the OMO backend…</translation>
        </message>
        <message>
            <source>OFFLINE — the stock last known {age} ago (as of {time}); it may have changed.</source>
            <translation>OFFLINE — the stock last known {age} ago (as of {time}); it may have changed.</translation>
        </message>
        <message>
            <source>Live from the OMO backend, as of {time}.</source>
            <translation>Live from the OMO backend, as of {time}.</translation>
        </message>
        <message>
            <source>Here — {name}</source>
            <translation>Here — {name}</translation>
        </message>
        <message>
            <source>{name} (delivers)</source>
            <translation>{name} (delivers)</translation>
        </message>
        <message>
            <source>delivers only</source>
            <translation>delivers only</translation>
        </message>
        <message>
            <source>closed today</source>
            <translation>closed today</translation>
        </message>
        <message>
            <source>{hours}
open now</source>
            <translation>{hours}
open now</translation>
        </message>
        <message>
            <source>{hours}
closed now</source>
            <translation>{hours}
closed now</translation>
        </message>
        <message>
            <source>{qty} on {day}</source>
            <translation>{qty} on {day}</translation>
        </message>
        <message>
            <source>Reservation</source>
            <translation>Reservation</translation>
        </message>
        <message>
            <source>The reservation's order number (or scan its QR):</source>
            <translation>The reservation's order number (or scan its QR):</translation>
        </message>
        <message>
            <source>Look an item up first: scan it or type its SKU or name.</source>
            <translation>Look an item up first: scan it or type its SKU or name.</translation>
        </message>
        <message>
            <source>Choose the store to reserve at in the list (arrow keys), then Reserve.</source>
            <translation>Choose the store to reserve at in the list (arrow keys), then Reserve.</translation>
        </message>
        <message>
            <source>Deliver home</source>
            <translation>Deliver home</translation>
        </message>
        <message>
            <source>The delivery address (street, town, postcode):</source>
            <translation>The delivery address (street, town, postcode):</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>Customer</translation>
        </message>
        <message>
            <source>The customer's name (as on their ID):</source>
            <translation>The customer's name (as on their ID):</translation>
        </message>
    </context>
    <context>
        <name>TenderPresenter</name>
        <message>
            <source>Cash rounding {sign}{amount} (the total is {total})</source>
            <translation>Cash rounding {sign}{amount} (the total is {total})</translation>
        </message>
        <message>
            <source>Saving the sale…</source>
            <translation>Saving the sale…</translation>
        </message>
        <message>
            <source>Card payments are off on this till. Take cash.</source>
            <translation>Card payments are off on this till. Take cash.</translation>
        </message>
        <message>
            <source>Void the sale</source>
            <translation>Void the sale</translation>
        </message>
        <message>
            <source>{amount} is already paid by card. Voiding the sale refunds it to the card. Go ahead?</source>
            <translation>{amount} is already paid by card. Voiding the sale refunds it to the card. Go ahead?</translation>
        </message>
    </context>
    <context>
        <name>TillPage</name>
        <message>
            <source>Open the till</source>
            <translation>Open the till</translation>
        </message>
        <message>
            <source>Cash in</source>
            <translation>Cash in</translation>
        </message>
        <message>
            <source>Cash out</source>
            <translation>Cash out</translation>
        </message>
        <message>
            <source>Drop to safe</source>
            <translation>Drop to safe</translation>
        </message>
        <message>
            <source>No sale</source>
            <translation>No sale</translation>
        </message>
        <message>
            <source>X report</source>
            <translation>X report</translation>
        </message>
        <message>
            <source>Close (blind count)</source>
            <translation>Close (blind count)</translation>
        </message>
        <message>
            <source>Last Z report</source>
            <translation>Last Z report</translation>
        </message>
        <message>
            <source>Save PDF</source>
            <translation>Save PDF</translation>
        </message>
        <message>
            <source>Print</source>
            <translation>Print</translation>
        </message>
    </context>
    <context>
        <name>TillPresenter</name>
        <message>
            <source>The till is closed. Open it with a counted float.</source>
            <translation>The till is closed. Open it with a counted float.</translation>
        </message>
        <message>
            <source>Open since {at} (session {session})</source>
            <translation>Open since {at} (session {session})</translation>
        </message>
        <message>
            <source>Opening count</source>
            <translation>Opening count</translation>
        </message>
        <message>
            <source>Count the float in the drawer, note by note and coin by coin.</source>
            <translation>Count the float in the drawer, note by note and coin by coin.</translation>
        </message>
        <message>
            <source>That is not an amount.</source>
            <translation>That is not an amount.</translation>
        </message>
        <message>
            <source>Reason (kept with the movement):</source>
            <translation>Reason (kept with the movement):</translation>
        </message>
        <message>
            <source>Amount:</source>
            <translation>Amount:</translation>
        </message>
        <message>
            <source>Cash in</source>
            <translation>Cash in</translation>
        </message>
        <message>
            <source>Cash out</source>
            <translation>Cash out</translation>
        </message>
        <message>
            <source>Drop to the safe</source>
            <translation>Drop to the safe</translation>
        </message>
        <message>
            <source>No sale</source>
            <translation>No sale</translation>
        </message>
        <message>
            <source>Why open the drawer? (logged)</source>
            <translation>Why open the drawer? (logged)</translation>
        </message>
        <message>
            <source>X report · session {session} · not closed</source>
            <translation>X report · session {session} · not closed</translation>
        </message>
        <message>
            <source>Sales by hour</source>
            <translation>Sales by hour</translation>
        </message>
        <message>
            <source>X report: the session so far. Nothing was closed.</source>
            <translation>X report: the session so far. Nothing was closed.</translation>
        </message>
        <message>
            <source>Blind count</source>
            <translation>Blind count</translation>
        </message>
        <message>
            <source>Count the drawer. The expected amount is shown after the count.</source>
            <translation>Count the drawer. The expected amount is shown after the count.</translation>
        </message>
        <message>
            <source>Counted</source>
            <translation>Counted</translation>
        </message>
        <message>
            <source>Expected</source>
            <translation>Expected</translation>
        </message>
        <message>
            <source>Over (+) / short (−)</source>
            <translation>Over (+) / short (−)</translation>
        </message>
        <message>
            <source>Exactly as expected.</source>
            <translation>Exactly as expected.</translation>
        </message>
        <message>
            <source>Above {limit}: a manager approves the difference.</source>
            <translation>Above {limit}: a manager approves the difference.</translation>
        </message>
        <message>
            <source>Say why, and close.</source>
            <translation>Say why, and close.</translation>
        </message>
        <message>
            <source>No closed session yet.</source>
            <translation>No closed session yet.</translation>
        </message>
        <message>
            <source>Show a Z report first.</source>
            <translation>Show a Z report first.</translation>
        </message>
        <message>
            <source>Save the Z report</source>
            <translation>Save the Z report</translation>
        </message>
        <message>
            <source>Saved: {path}</source>
            <translation>Saved: {path}</translation>
        </message>
    </context>
    <context>
        <name>TotalsPanel</name>
        <message>
            <source>Subtotal</source>
            <translation>Subtotal</translation>
        </message>
        <message>
            <source>Discounts</source>
            <translation>Discounts</translation>
        </message>
        <message>
            <source>Paid</source>
            <translation>Paid</translation>
        </message>
        <message>
            <source>Still to pay</source>
            <translation>Still to pay</translation>
        </message>
        <message>
            <source>1 item</source>
            <translation>1 item</translation>
        </message>
        <message numerus="yes">
            <source>%n items</source>
            <translation>
                <numerusform>%n items</numerusform>
                <numerusform>%n items</numerusform>
            </translation>
        </message>
        <message>
            <source>Total {amount}</source>
            <translation>Total {amount}</translation>
        </message>
        <message>
            <source>Total —</source>
            <translation>Total —</translation>
        </message>
    </context>
    <context>
        <name>WorkspaceHost</name>
        <message>
            <source>{title}  Alt+{n}</source>
            <translation>{title}  Alt+{n}</translation>
        </message>
    </context>
</TS>
