<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it_IT" sourcelanguage="en">
    <context>
        <name>app</name>
        <message>
            <source>{what}.</source>
            <translation>{what}.</translation>
        </message>
        <message>
            <source>That approval does not cover this; nothing changed.</source>
            <translation>Quell'approvazione non copre questa operazione; nulla è cambiato.</translation>
        </message>
        <message>
            <source>Scan the items first, then the store credit.</source>
            <translation>Scansiona prima gli articoli, poi il buono.</translation>
        </message>
        <message>
            <source>Store credit needs the backend; this till has none.</source>
            <translation>Il buono richiede il backend; questa cassa non ne ha.</translation>
        </message>
        <message>
            <source>This store credit is already on the sale.</source>
            <translation>Questo buono è già sulla vendita.</translation>
        </message>
        <message>
            <source>Store credit {code} is not known (a credit issued offline works once its till synced).</source>
            <translation>Buono {code} sconosciuto (un buono emesso offline funziona quando la sua cassa ha sincronizzato).</translation>
        </message>
        <message>
            <source>This store credit is in {currency}.</source>
            <translation>Questo buono è in {currency}.</translation>
        </message>
        <message>
            <source>Nothing is left on store credit {code}.</source>
            <translation>Sul buono {code} non resta nulla.</translation>
        </message>
        <message>
            <source>The store credit was refused: {why}.</source>
            <translation>Il buono è stato rifiutato: {why}.</translation>
        </message>
        <message>
            <source>Store credit: {amount} taken ({left} left on it). Take the rest: {rest}.</source>
            <translation>Buono: {amount} utilizzati ({left} rimanenti). Incassa il resto: {rest}.</translation>
        </message>
        <message>
            <source>The backend cannot be reached ({error}): store credit cannot be used now. Take another tender.</source>
            <translation>Il backend non è raggiungibile ({error}): ora non si può usare il buono. Accetta un altro pagamento.</translation>
        </message>
        <message>
            <source>Finish or give up the exchange in progress first.</source>
            <translation>Completa o annulla prima il cambio in corso.</translation>
        </message>
        <message>
            <source>An exchange needs the purchase checked by the backend; take this back as a return instead.</source>
            <translation>Un cambio richiede che l'acquisto sia verificato dal backend; registralo invece come reso.</translation>
        </message>
        <message>
            <source>Exchange: {credit} credit for the items from {label}. Scan the new items on Sell, then complete the exchange here.</source>
            <translation>Cambio: credito di {credit} per gli articoli di {label}. Scansiona i nuovi articoli in Vendi, poi completa qui il cambio.</translation>
        </message>
        <message>
            <source>No exchange is waiting.</source>
            <translation>Nessun cambio in attesa.</translation>
        </message>
        <message>
            <source>Scan the new items on Sell first.</source>
            <translation>Scansiona prima i nuovi articoli in Vendi.</translation>
        </message>
        <message>
            <source>Exchange credit {credit} taken. The customer pays {rest}: press Cash or Card on Sell.</source>
            <translation>Credito del cambio {credit} utilizzato. Il cliente paga {rest}: premi Contanti o Carta in Vendi.</translation>
        </message>
        <message>
            <source>Exchange done: give the customer {cash} in cash.</source>
            <translation>Cambio completato: dai al cliente {cash} in contanti.</translation>
        </message>
        <message>
            <source>Exchange done: {amount} refunded.</source>
            <translation>Cambio completato: {amount} rimborsati.</translation>
        </message>
        <message>
            <source>Exchange done: nothing to pay either way.</source>
            <translation>Cambio completato: nulla da pagare né da restituire.</translation>
        </message>
        <message>
            <source>Attach the member first: coupons are theirs.</source>
            <translation>Prima associa il socio: i coupon sono suoi.</translation>
        </message>
        <message>
            <source>This coupon is not the member's, or not in force.</source>
            <translation>Questo coupon non è del socio, o non è valido ora.</translation>
        </message>
        <message>
            <source>Coupon {name} is on the sale.</source>
            <translation>Il coupon {name} è sulla vendita.</translation>
        </message>
        <message>
            <source>already used (another till or the web)</source>
            <translation>già usato (un'altra cassa o il web)</translation>
        </message>
        <message>
            <source>not this member's</source>
            <translation>non è di questo socio</translation>
        </message>
        <message>
            <source>cannot be checked offline; the member keeps it</source>
            <translation>non verificabile offline; il socio lo conserva</translation>
        </message>
        <message>
            <source>The sale changed meanwhile. Take the payment again.</source>
            <translation>La vendita è cambiata nel frattempo. Riprendi il pagamento.</translation>
        </message>
        <message>
            <source>Coupon {name} was taken off: {why}. The total is now {total}: take the payment again.</source>
            <translation>Il coupon {name} è stato tolto: {why}. Il totale ora è {total}: riprendi il pagamento.</translation>
        </message>
        <message>
            <source>Part of this sale is paid: finish it first.</source>
            <translation>Parte di questa vendita è pagata: completala prima.</translation>
        </message>
        <message>
            <source>This shared cart is not known (or no longer kept).</source>
            <translation>Questo carrello condiviso non è noto (o non è più conservato).</translation>
        </message>
        <message>
            <source>The shared cart cannot be loaded: the backend cannot be reached.</source>
            <translation>Il carrello condiviso non si può caricare: il backend non è raggiungibile.</translation>
        </message>
        <message>
            <source>Shared cart: {added} of {total} lines added, {repriced} at the shop's price; {left} not added (listed).</source>
            <translation>Carrello condiviso: {added} righe su {total} aggiunte, {repriced} al prezzo del negozio; {left} non aggiunte (elencate).</translation>
        </message>
        <message>
            <source>The sale is empty.</source>
            <translation>La vendita è vuota.</translation>
        </message>
        <message>
            <source>A cart for the app holds at most 200 lines.</source>
            <translation>Un carrello per l'app contiene al massimo 200 righe.</translation>
        </message>
        <message>
            <source>The cart cannot be handed over: the backend cannot be reached.</source>
            <translation>Il carrello non si può passare: il backend non è raggiungibile.</translation>
        </message>
        <message>
            <source>The customer scans this code with the OMO app to finish there. The sale stays open here: void or park it once they have it.</source>
            <translation>Il cliente scansiona questo codice con l'app OMO per concludere lì. La vendita resta aperta qui: annullala o sospendila quando il cliente l'ha ricevuta.</translation>
        </message>
        <message>
            <source>Attach the member first: points pay only for their own sale.</source>
            <translation>Prima associa il socio: i punti pagano solo i suoi acquisti.</translation>
        </message>
        <message>
            <source>The member's points cannot be read now (offline). Take another tender.</source>
            <translation>I punti del socio non si possono leggere ora (offline). Usa un altro pagamento.</translation>
        </message>
        <message>
            <source>Offline, this till takes at most {cap} points. Take another tender.</source>
            <translation>Offline questa cassa accetta al massimo {cap} punti. Usa un altro pagamento.</translation>
        </message>
        <message>
            <source>Points cannot be redeemed while the backend cannot be reached.</source>
            <translation>I punti non si possono usare finché il backend non è raggiungibile.</translation>
        </message>
        <message>
            <source>The member has {balance} points, fewer than {points}.</source>
            <translation>Il socio ha {balance} punti, meno di {points}.</translation>
        </message>
        <message>
            <source>{points} points ({amount}) taken. Take the rest: {rest}.</source>
            <translation>{points} punti ({amount}) incassati. Incassa il resto: {rest}.</translation>
        </message>
        <message>
            <source>Basic</source>
            <translation>Base</translation>
        </message>
        <message>
            <source>Silver</source>
            <translation>Argento</translation>
        </message>
        <message>
            <source>Gold</source>
            <translation>Oro</translation>
        </message>
        <message>
            <source>Platinum</source>
            <translation>Platino</translation>
        </message>
        <message>
            <source>The backend did not accept this member code (expired, cancelled or not genuine). Ask the member to reopen the code in the app, or type the member number.</source>
            <translation>Il backend non ha accettato questo codice socio (scaduto, annullato o non autentico). Chiedi al socio di riaprire il codice nell'app, oppure digita il numero socio.</translation>
        </message>
        <message>
            <source>Log in first.</source>
            <translation>Accedi prima.</translation>
        </message>
        <message>
            <source>Your role cannot look up members.</source>
            <translation>Il tuo ruolo non può cercare soci.</translation>
        </message>
        <message>
            <source>This till has no OMO backend: members cannot be found.</source>
            <translation>Questa cassa non ha un backend OMO: i soci non si possono cercare.</translation>
        </message>
        <message>
            <source>Scan the member's code, or type a number, name, phone or e-mail.</source>
            <translation>Scansiona il codice del socio, o digita un numero, nome, telefono o e-mail.</translation>
        </message>
        <message>
            <source>The backend cannot be reached: scan the member's code or type their number.</source>
            <translation>Il backend non è raggiungibile: scansiona il codice del socio o digita il suo numero.</translation>
        </message>
        <message>
            <source>The member search failed. Try again.</source>
            <translation>La ricerca del socio non è riuscita. Riprova.</translation>
        </message>
        <message>
            <source>No member found.</source>
            <translation>Nessun socio trovato.</translation>
        </message>
        <message>
            <source>Members found: {n}.</source>
            <translation>Soci trovati: {n}.</translation>
        </message>
        <message>
            <source>There is no member {no}.</source>
            <translation>Non esiste il socio {no}.</translation>
        </message>
        <message>
            <source>The backend cannot be reached and member {no} is not in this till's cache.</source>
            <translation>Il backend non è raggiungibile e il socio {no} non è nella cache di questa cassa.</translation>
        </message>
        <message>
            <source>The member could not be opened. Try again.</source>
            <translation>Non è stato possibile aprire il socio. Riprova.</translation>
        </message>
        <message>
            <source>The backend cannot be reached: showing what this till kept.</source>
            <translation>Il backend non è raggiungibile: si mostra ciò che questa cassa ha conservato.</translation>
        </message>
        <message>
            <source>The check-in could not be recorded. Try again.</source>
            <translation>Il check-in non è stato registrato. Riprova.</translation>
        </message>
        <message>
            <source>Member {no} has already checked in today.</source>
            <translation>Il socio {no} ha già fatto il check-in oggi.</translation>
        </message>
        <message>
            <source>Member {no} checked in: {points} points (provisional).</source>
            <translation>Check-in del socio {no}: {points} punti (provvisori).</translation>
        </message>
        <message>
            <source>The enrolment could not be recorded. Try again.</source>
            <translation>L'iscrizione non è stata registrata. Riprova.</translation>
        </message>
        <message>
            <source>Welcome, {name}! Member number {no}: usable now; the backend confirms it when it syncs.</source>
            <translation>Benvenuto/a, {name}! Numero socio {no}: valido da subito; il backend lo conferma alla sincronizzazione.</translation>
        </message>
        <message>
            <source>No member data is kept on this till.</source>
            <translation>Su questa cassa non sono conservati dati dei soci.</translation>
        </message>
        <message>
            <source>Removed {n} cached members.</source>
            <translation>Rimossi {n} soci dalla cache.</translation>
        </message>
        <message>
            <source>Wait: the hand-over is being recorded.</source>
            <translation>Attendi: la consegna viene registrata.</translation>
        </message>
        <message>
            <source>Pickups need the backend; this till has none.</source>
            <translation>I ritiri richiedono il backend; questa cassa non ne ha.</translation>
        </message>
        <message>
            <source>The backend cannot be reached ({error}): pickups wait until it is back.</source>
            <translation>Il backend non è raggiungibile ({error}): i ritiri attendono il suo ritorno.</translation>
        </message>
        <message>
            <source>{n} orders waiting for pickup; {late} not collected in time.</source>
            <translation>{n} ordini in attesa di ritiro; {late} non ritirati in tempo.</translation>
        </message>
        <message>
            <source>Scan the order's QR code or type its number.</source>
            <translation>Scansiona il QR dell'ordine o digitane il numero.</translation>
        </message>
        <message>
            <source>There is no online order {order}.</source>
            <translation>Non esiste l'ordine online {order}.</translation>
        </message>
        <message>
            <source>Order {order} is {status}, not waiting for pickup.</source>
            <translation>L'ordine {order} è {status}, non in attesa di ritiro.</translation>
        </message>
        <message>
            <source>Order {order} waits at another store ({store}).</source>
            <translation>L'ordine {order} attende in un altro negozio ({store}).</translation>
        </message>
        <message>
            <source>Order {order}{shelf} was not collected in time: hand it over if the customer is here, or take it back to stock.</source>
            <translation>L'ordine {order}{shelf} non è stato ritirato in tempo: consegnalo se il cliente è qui, oppure rimettilo in magazzino.</translation>
        </message>
        <message>
            <source>Order {order}{shelf} for {customer}: check the customer, then hand it over.</source>
            <translation>Ordine {order}{shelf} per {customer}: verifica il cliente, poi consegnalo.</translation>
        </message>
        <message>
            <source>Open the order first.</source>
            <translation>Apri prima l'ordine.</translation>
        </message>
        <message>
            <source>Say what the customer gave: name, card digits or code.</source>
            <translation>Indica cosa ha dato il cliente: nome, cifre della carta o codice.</translation>
        </message>
        <message>
            <source>That does not match order {order}.</source>
            <translation>Non corrisponde all'ordine {order}.</translation>
        </message>
        <message>
            <source>Customer checked. Hand the order over.</source>
            <translation>Cliente verificato. Consegna l'ordine.</translation>
        </message>
        <message>
            <source>Line {line}: {waiting} waiting.</source>
            <translation>Riga {line}: {waiting} in attesa.</translation>
        </message>
        <message>
            <source>Check the customer first: their name, the card's last digits, or the app's code.</source>
            <translation>Verifica prima il cliente: il nome, le ultime cifre della carta o il codice dell'app.</translation>
        </message>
        <message>
            <source>Nothing is handed over: give at least one item.</source>
            <translation>Non si consegna nulla: consegna almeno un articolo.</translation>
        </message>
        <message>
            <source>Say why {n} × {item} is not taken.</source>
            <translation>Indica perché {n} × {item} non viene ritirato.</translation>
        </message>
        <message>
            <source>hand over order {order}</source>
            <translation>consegna dell'ordine {order}</translation>
        </message>
        <message>
            <source>The hand-over could NOT be saved ({error}): keep the goods; try again.</source>
            <translation>La consegna NON è stata salvata ({error}): tieni la merce; riprova.</translation>
        </message>
        <message>
            <source>Order {order} was NOT handed over here: the backend says {reason}. Another till may have handed it over already: keep the goods and open the order again.</source>
            <translation>L'ordine {order} NON è stato consegnato qui: il backend dice {reason}. Forse un'altra cassa l'ha già consegnato: tieni la merce e riapri l'ordine.</translation>
        </message>
        <message>
            <source>Order {order}: {units} items handed over; the customer's app shows it.</source>
            <translation>Ordine {order}: {units} articoli consegnati; l'app del cliente lo mostra.</translation>
        </message>
        <message>
            <source>Order {order}: {units} items handed over; the backend hears of it when the till is online.</source>
            <translation>Ordine {order}: {units} articoli consegnati; il backend lo saprà quando la cassa è online.</translation>
        </message>
        <message>
            <source>Returns are not available on this till.</source>
            <translation>I resi non sono disponibili su questa cassa.</translation>
        </message>
        <message>
            <source>This till has no backend: returns cannot be checked.</source>
            <translation>Questa cassa non ha un backend: i resi non possono essere verificati.</translation>
        </message>
        <message>
            <source>The backend refused this return: {why}. Nothing was refunded.</source>
            <translation>Il backend ha rifiutato questo reso: {why}. Non è stato rimborsato nulla.</translation>
        </message>
        <message>
            <source>The backend does not know it: {why}.</source>
            <translation>Il backend non lo conosce: {why}.</translation>
        </message>
        <message>
            <source>The backend cannot check this return now ({error}). Nothing was refunded. Try again, or a manager may approve an unverified return to store credit.</source>
            <translation>Il backend ora non può verificare questo reso ({error}). Non è stato rimborsato nulla. Riprova, oppure un responsabile può approvare un reso non verificato in buono.</translation>
        </message>
        <message>
            <source>That return is not on this till.</source>
            <translation>Quel reso non è su questa cassa.</translation>
        </message>
        <message>
            <source>Return {no} was already recorded.</source>
            <translation>Il reso {no} era già registrato.</translation>
        </message>
        <message>
            <source>The refund was made but the return could not be saved ({error}). Do not refund again: press Finish to save it.</source>
            <translation>Il rimborso è stato fatto ma il reso non è stato salvato ({error}). Non rimborsare di nuovo: premi Completa per salvarlo.</translation>
        </message>
        <message>
            <source>Card refunds are off on this till ({why}). Refund this part another way, or from a till with a card reader.</source>
            <translation>I rimborsi su carta sono disattivati su questa cassa ({why}). Rimborsa questa parte in un altro modo, o da una cassa con lettore di carte.</translation>
        </message>
        <message>
            <source>The Interac refund was cancelled; nothing was refunded yet.</source>
            <translation>Il rimborso Interac è stato annullato; non è stato ancora rimborsato nulla.</translation>
        </message>
        <message>
            <source>The Interac refund did not go through: {why}. Try again.</source>
            <translation>Il rimborso Interac non è andato a buon fine: {why}. Riprova.</translation>
        </message>
        <message>
            <source>The reader timed out waiting for the Interac card. Try again.</source>
            <translation>Il lettore ha atteso troppo la carta Interac. Riprova.</translation>
        </message>
        <message>
            <source>The card refund of {amount} could not be confirmed ({why}). Nothing is lost: press Retry; the customer is never refunded twice.</source>
            <translation>Il rimborso su carta di {amount} non è stato confermato ({why}). Non si perde nulla: premi Riprova; il cliente non viene mai rimborsato due volte.</translation>
        </message>
        <message>
            <source>Stripe refused the card refund of {amount}: {why} Refund that part another way (store credit or cash), or give the return up if nothing was refunded.</source>
            <translation>Stripe ha rifiutato il rimborso su carta di {amount}: {why} Rimborsa quella parte in un altro modo (buono o contanti), o annulla il reso se non è stato rimborsato nulla.</translation>
        </message>
        <message>
            <source>That return is not waiting.</source>
            <translation>Quel reso non è in attesa.</translation>
        </message>
        <message>
            <source>Part of this return was already refunded to the card: finish it instead.</source>
            <translation>Parte di questo reso è già stata rimborsata sulla carta: completalo invece.</translation>
        </message>
        <message>
            <source>The backend cannot be reached to release the items ({error}).</source>
            <translation>Il backend non è raggiungibile per liberare gli articoli ({error}).</translation>
        </message>
        <message>
            <source>The return was given up; nothing was refunded.</source>
            <translation>Il reso è stato annullato; non è stato rimborsato nulla.</translation>
        </message>
        <message>
            <source>Wrong size</source>
            <translation>Taglia sbagliata</translation>
        </message>
        <message>
            <source>Changed mind</source>
            <translation>Ripensamento</translation>
        </message>
        <message>
            <source>Faulty</source>
            <translation>Difettoso</translation>
        </message>
        <message>
            <source>Not as described</source>
            <translation>Non conforme alla descrizione</translation>
        </message>
        <message>
            <source>Arrived too late</source>
            <translation>Arrivato troppo tardi</translation>
        </message>
        <message>
            <source>Not collected</source>
            <translation>Non ritirato</translation>
        </message>
        <message>
            <source>Too many wrong checks for order {order}: the backend checks no more for {minutes} min. Scan the order's QR code in the customer's app instead.</source>
            <translation>Troppi controlli errati per l'ordine {order}: il backend non controlla più per {minutes} min. Scansiona invece il codice QR dell'ordine nell'app del cliente.</translation>
        </message>
        <message>
            <source>Wait: a refund is being made.</source>
            <translation>Attendi: è in corso un rimborso.</translation>
        </message>
        <message>
            <source>Scan the order or receipt, or type its number.</source>
            <translation>Scansiona l'ordine o lo scontrino, o digitane il numero.</translation>
        </message>
        <message>
            <source>There is no sale or online order {typed}. A sale of another till is found once that till has synced; a return receipt cannot be taken back.</source>
            <translation>Non esiste una vendita o un ordine online {typed}. Una vendita di un'altra cassa si trova quando quella cassa ha sincronizzato; uno scontrino di reso non può essere reso.</translation>
        </message>
        <message>
            <source>{typed} is not an order, receipt or member number.</source>
            <translation>{typed} non è un numero di ordine, scontrino o socio.</translation>
        </message>
        <message>
            <source>{receipt_no} is a return receipt, not a sale: returns are taken back from the original sale's receipt. Scan or type the number of the original purchase.</source>
            <translation>{receipt_no} è uno scontrino di reso, non una vendita: i resi si fanno dallo scontrino della vendita originale. Scansiona o digita il numero dell'acquisto originale.</translation>
        </message>
        <message>
            <source>{receipt_no} is a return receipt (of {original}), not a sale: returns are taken back from the original sale's receipt. Scan or type {original}.</source>
            <translation>{receipt_no} è uno scontrino di reso (di {original}), non una vendita: i resi si fanno dallo scontrino della vendita originale. Scansiona o digita {original}.</translation>
        </message>
        <message>
            <source>The backend cannot be reached ({error}): online orders and other tills' sales cannot be looked up now. A sale of this till can still be taken back (unverified, store credit).</source>
            <translation>Il backend non è raggiungibile ({error}): ora non si possono cercare ordini online e vendite di altre casse. Una vendita di questa cassa può ancora essere resa (non verificata, in buono).</translation>
        </message>
        <message>
            <source>no backend</source>
            <translation>nessun backend</translation>
        </message>
        <message>
            <source>This sale is not known here or at the backend yet (a sale of another till arrives when that till syncs). Try again in a moment.</source>
            <translation>Questa vendita non è ancora nota qui né al backend (una vendita di un'altra cassa arriva quando quella cassa sincronizza). Riprova tra poco.</translation>
        </message>
        <message>
            <source>Sale {receipt_no} from this till's journal: the backend cannot check it now, so it can only be an unverified return to store credit (a manager approves).</source>
            <translation>Vendita {receipt_no} dal giornale di questa cassa: il backend ora non può verificarla, quindi può essere solo un reso non verificato in buono (lo approva un responsabile).</translation>
        </message>
        <message>
            <source>Order {label} found by its number: check the customer (name, the card's last digits or the code in their app) to see what is on it.</source>
            <translation>Ordine {label} trovato dal numero: controlla il cliente (nome, ultime cifre della carta o codice nella sua app) per vederne il contenuto.</translation>
        </message>
        <message>
            <source>{label}: everything on it was already returned.</source>
            <translation>{label}: tutto è già stato reso.</translation>
        </message>
        <message>
            <source>Order {label} found by its number: check the customer (name, the card's last digits or the code in their app) before refunding.</source>
            <translation>Ordine {label} trovato dal numero: verifica il cliente (nome, ultime cifre della carta o codice nell'app) prima del rimborso.</translation>
        </message>
        <message>
            <source>{label}: pick what comes back (quantity, reason, condition).</source>
            <translation>{label}: scegli cosa torna (quantità, motivo, condizione).</translation>
        </message>
        <message>
            <source>Order {order} was not collected: refund it to the original payment to put it back in stock.</source>
            <translation>L'ordine {order} non è stato ritirato: rimborsalo sul pagamento originale per rimetterlo in magazzino.</translation>
        </message>
        <message>
            <source>{name}: their orders show with the code in their app. Scan it, or type the order or receipt number.</source>
            <translation>{name}: i suoi ordini si vedono con il codice nella sua app. Scansionalo, oppure digita il numero dell'ordine o dello scontrino.</translation>
        </message>
        <message>
            <source>{name}: {n} recent orders and purchases. Pick one.</source>
            <translation>{name}: {n} ordini e acquisti recenti. Scegline uno.</translation>
        </message>
        <message>
            <source>{ref} is not one of {name}'s recent orders.</source>
            <translation>{ref} non è tra gli ordini recenti di {name}.</translation>
        </message>
        <message>
            <source>Store credit {code} is not known (yet).</source>
            <translation>Buono {code} sconosciuto (per ora).</translation>
        </message>
        <message>
            <source>Store credit {code}: {balance} of {issued} left. Use it on Sell.</source>
            <translation>Buono {code}: restano {balance} di {issued}. Usalo in Vendi.</translation>
        </message>
        <message>
            <source>Return without a receipt: scan the items. They are refunded at today's price, as store credit, up to {limit}, with a manager's approval.</source>
            <translation>Reso senza scontrino: scansiona gli articoli. Sono rimborsati al prezzo di oggi, in buono, fino a {limit}, con l'approvazione di un responsabile.</translation>
        </message>
        <message>
            <source>Start a return without a receipt first.</source>
            <translation>Avvia prima un reso senza scontrino.</translation>
        </message>
        <message>
            <source>{item} added to the return.</source>
            <translation>{item} aggiunto al reso.</translation>
        </message>
        <message>
            <source>Find the order or receipt first.</source>
            <translation>Trova prima l'ordine o lo scontrino.</translation>
        </message>
        <message>
            <source>{item}: {left} of {qty} can still be returned.</source>
            <translation>{item}: se ne possono ancora rendere {left} di {qty}.</translation>
        </message>
        <message>
            <source>Find the online order first.</source>
            <translation>Trova prima l'ordine online.</translation>
        </message>
        <message>
            <source>Customer checked for order {order}.</source>
            <translation>Cliente verificato per l'ordine {order}.</translation>
        </message>
        <message>
            <source>Refund to the original payment or as store credit.</source>
            <translation>Rimborsa sul pagamento originale o in buono.</translation>
        </message>
        <message>
            <source>A return without a receipt refunds at most {limit}; this one is {amount}.</source>
            <translation>Un reso senza scontrino rimborsa al massimo {limit}; questo è di {amount}.</translation>
        </message>
        <message>
            <source>return without a receipt, {amount} as store credit</source>
            <translation>reso senza scontrino, {amount} in buono</translation>
        </message>
        <message>
            <source>The backend cannot check this return now: it can only be refunded as store credit.</source>
            <translation>Il backend ora non può verificare questo reso: può essere rimborsato solo in buono.</translation>
        </message>
        <message>
            <source>unverified return of {label}, {amount} as store credit</source>
            <translation>reso non verificato di {label}, {amount} in buono</translation>
        </message>
        <message>
            <source>Check the customer first (name, the card's last digits, or the code in their app).</source>
            <translation>Verifica prima il cliente (nome, ultime cifre della carta o codice nell'app).</translation>
        </message>
        <message>
            <source>refund {amount} for {label}</source>
            <translation>rimborso di {amount} per {label}</translation>
        </message>
        <message>
            <source>Return {no} recorded: give the customer {cash} in cash.</source>
            <translation>Reso {no} registrato: dai al cliente {cash} in contanti.</translation>
        </message>
        <message>
            <source>Return {no} recorded: {amount} refunded.</source>
            <translation>Reso {no} registrato: {amount} rimborsati.</translation>
        </message>
        <message>
            <source>That is an exchange: finish it on Sell, or give it up.</source>
            <translation>Questo è un cambio: completalo in Vendi, o annullalo.</translation>
        </message>
        <message>
            <source>Refund it as store credit or cash.</source>
            <translation>Rimborsalo in buono o in contanti.</translation>
        </message>
        <message>
            <source>refund {amount} another way</source>
            <translation>rimborso di {amount} in altro modo</translation>
        </message>
        <message>
            <source>This sale was rung by {owner} and is partly paid ({paid}): finish it, or ask a manager to void it.</source>
            <translation>Questa vendita è stata battuta da {owner} ed è pagata in parte ({paid}): completala, o chiedi a un responsabile di annullarla.</translation>
        </message>
        <message>
            <source>{owner}'s open sale ({label}) was put aside; {owner} gets it back at login.</source>
            <translation>La vendita aperta di {owner} ({label}) è stata messa da parte; {owner} la ritrova all'accesso.</translation>
        </message>
        <message>
            <source>Your sale that was put aside is back. Carry on.</source>
            <translation>La tua vendita messa da parte è tornata. Continua pure.</translation>
        </message>
        <message>
            <source>Wait: the payment is being finished.</source>
            <translation>Attendi: il pagamento è in fase di completamento.</translation>
        </message>
        <message>
            <source>{name} may not sell.</source>
            <translation>{name} non può vendere.</translation>
        </message>
        <message>
            <source>Nothing was scanned. Scan the item again.</source>
            <translation>Non è stato scansionato nulla. Scansiona di nuovo l'articolo.</translation>
        </message>
        <message>
            <source>No product with SKU {sku} here.</source>
            <translation>Nessun prodotto con SKU {sku} qui.</translation>
        </message>
        <message>
            <source>A quantity must be from 1 to {most}.</source>
            <translation>La quantità deve essere da 1 a {most}.</translation>
        </message>
        <message>
            <source>{quantity} × {item}</source>
            <translation>{quantity} × {item}</translation>
        </message>
        <message>
            <source>{quantity} of {item} is above the limit of {limit}: a manager approves it.</source>
            <translation>{quantity} di {item} supera il limite di {limit}: lo approva un responsabile.</translation>
        </message>
        <message>
            <source>remove a line</source>
            <translation>togliere una riga</translation>
        </message>
        <message>
            <source>That is not a discount. {detail}</source>
            <translation>Non è uno sconto. {detail}</translation>
        </message>
        <message>
            <source>discount on {item}</source>
            <translation>sconto su {item}</translation>
        </message>
        <message>
            <source>discount on the whole sale</source>
            <translation>sconto sull'intera vendita</translation>
        </message>
        <message>
            <source>That is not a price.</source>
            <translation>Non è un prezzo.</translation>
        </message>
        <message>
            <source>A price override needs a reason.</source>
            <translation>Una modifica di prezzo richiede un motivo.</translation>
        </message>
        <message>
            <source>price of {item}</source>
            <translation>prezzo di {item}</translation>
        </message>
        <message>
            <source>Online order {order}: take it back or hand it over on Returns &amp; pickups.</source>
            <translation>Ordine online {order}: ritiralo o consegnalo in Resi e ritiri.</translation>
        </message>
        <message>
            <source>Store credit {code}: checking it…</source>
            <translation>Buono {code}: verifica in corso…</translation>
        </message>
        <message>
            <source>Shared cart: loading it…</source>
            <translation>Carrello condiviso: caricamento…</translation>
        </message>
        <message>
            <source>A gift card</source>
            <translation>Una carta regalo</translation>
        </message>
        <message>
            <source>A receipt</source>
            <translation>Uno scontrino</translation>
        </message>
        <message>
            <source>{what} cannot be used at this till yet.</source>
            <translation>{what}: non ancora utilizzabile su questa cassa.</translation>
        </message>
        <message>
            <source>Member {no} attached to this sale.</source>
            <translation>Socio {no} associato a questa vendita.</translation>
        </message>
        <message>
            <source>{name} ({tier}) attached to this sale.</source>
            <translation>{name} ({tier}) associato a questa vendita.</translation>
        </message>
        <message>
            <source>Member {no} attached; details unavailable right now (offline?).</source>
            <translation>Socio {no} associato; dettagli non disponibili al momento (offline?).</translation>
        </message>
        <message>
            <source>The sale could NOT be saved ({error}). Nothing was recorded: do not give change or goods; try again, and call a manager if it happens again.</source>
            <translation>La vendita NON è stata salvata ({error}). Non è stato registrato nulla: non dare resto né merce; riprova e chiama un responsabile se succede di nuovo.</translation>
        </message>
        <message>
            <source>A credit must be more than zero and at most {due}.</source>
            <translation>Un credito deve essere maggiore di zero e al massimo {due}.</translation>
        </message>
        <message>
            <source>Credit of {amount} taken. Take the rest: {rest}.</source>
            <translation>Credito di {amount} utilizzato. Incassa il resto: {rest}.</translation>
        </message>
        <message>
            <source>The credit was taken off the sale.</source>
            <translation>Il credito è stato tolto dalla vendita.</translation>
        </message>
        <message>
            <source>The earlier card payment could not be checked: {error}</source>
            <translation>Il pagamento con carta precedente non è stato verificato: {error}</translation>
        </message>
        <message>
            <source>Sale {receipt_no} complete. Change: {change}</source>
            <translation>Vendita {receipt_no} completata. Resto: {change}</translation>
        </message>
        <message>
            <source>Sale {receipt_no} complete.</source>
            <translation>Vendita {receipt_no} completata.</translation>
        </message>
        <message>
            <source>Card payments are off on this till. Take cash.</source>
            <translation>I pagamenti con carta sono disattivati su questa cassa. Accetta contanti.</translation>
        </message>
        <message>
            <source>A card amount must be more than zero and at most {due}.</source>
            <translation>L'importo con carta deve essere maggiore di zero e al massimo {due}.</translation>
        </message>
        <message>
            <source>A card payment is already running for this sale.</source>
            <translation>Un pagamento con carta è già in corso per questa vendita.</translation>
        </message>
        <message>
            <source>Card payment failed: {error}</source>
            <translation>Pagamento con carta non riuscito: {error}</translation>
        </message>
        <message>
            <source>Sale {receipt_no} recorded, but {problem}</source>
            <translation>Vendita {receipt_no} registrata, ma {problem}</translation>
        </message>
        <message>
            <source>Sale {receipt_no} complete; the card capture is being retried (payment pending capture).</source>
            <translation>Vendita {receipt_no} completata; l'addebito della carta viene ritentato (pagamento in attesa di addebito).</translation>
        </message>
        <message>
            <source>Card part {amount} approved. Take the rest: {rest} in cash (F10).</source>
            <translation>Parte con carta {amount} approvata. Incassa il resto: {rest} in contanti (F10).</translation>
        </message>
        <message>
            <source>Card not paid: {why} The sale is still open: try again or take another tender.</source>
            <translation>Carta non pagata: {why} La vendita è ancora aperta: riprova o usa un altro metodo di pagamento.</translation>
        </message>
        <message>
            <source>Could not suspend: {error}</source>
            <translation>Impossibile sospendere: {error}</translation>
        </message>
        <message>
            <source>Sale suspended ({label}). Shift+F6 resumes it.</source>
            <translation>Vendita sospesa ({label}). Shift+F6 la riprende.</translation>
        </message>
        <message>
            <source>Finish or suspend the current sale before resuming another.</source>
            <translation>Completa o sospendi la vendita in corso prima di riprenderne un'altra.</translation>
        </message>
        <message>
            <source>Could not resume: {error}</source>
            <translation>Impossibile riprendere: {error}</translation>
        </message>
        <message>
            <source>Sale resumed.</source>
            <translation>Vendita ripresa.</translation>
        </message>
        <message>
            <source>void this sale</source>
            <translation>annullare questa vendita</translation>
        </message>
        <message>
            <source>Sale voided.</source>
            <translation>Vendita annullata.</translation>
        </message>
        <message>
            <source>{amount} is already paid by card: voiding refunds it to the card.</source>
            <translation>{amount} è già pagato con carta: l'annullamento lo rimborsa sulla carta.</translation>
        </message>
        <message>
            <source>The card part could not be refunded ({error}); the sale stays open. Try again or finish it with another tender.</source>
            <translation>La parte con carta non è stata rimborsata ({error}); la vendita resta aperta. Riprova o completala con un altro metodo di pagamento.</translation>
        </message>
        <message>
            <source>Sale voided; {amount} refunded to the card.</source>
            <translation>Vendita annullata; {amount} rimborsati sulla carta.</translation>
        </message>
        <message>
            <source>Say why the drawer opens.</source>
            <translation>Indica perché si apre il cassetto.</translation>
        </message>
        <message>
            <source>open the drawer without a sale</source>
            <translation>aprire il cassetto senza vendita</translation>
        </message>
        <message>
            <source>The drawer did not open: {error}</source>
            <translation>Il cassetto non si è aperto: {error}</translation>
        </message>
        <message>
            <source>Drawer opened.</source>
            <translation>Cassetto aperto.</translation>
        </message>
        <message>
            <source>Sale {receipt_no} ({total}) was completed and recorded before the till stopped. Do not take payment for it again. No receipt? Press Reprint (Ctrl+P).</source>
            <translation>La vendita {receipt_no} ({total}) è stata completata e registrata prima dell'arresto della cassa. Non incassarla di nuovo. Manca lo scontrino? Premi Ristampa (Ctrl+P).</translation>
        </message>
        <message>
            <source>The receipt of sale {receipt_no} was not printed: the till stopped just after the sale. If the customer needs it, press Reprint (Ctrl+P).</source>
            <translation>Lo scontrino della vendita {receipt_no} non è stato stampato: la cassa si è fermata subito dopo la vendita. Se il cliente lo richiede, premi Ristampa (Ctrl+P).</translation>
        </message>
        <message>
            <source>No receipt to reprint yet.</source>
            <translation>Ancora nessuno scontrino da ristampare.</translation>
        </message>
        <message>
            <source>Receipt {receipt_no} reprinted.</source>
            <translation>Scontrino {receipt_no} ristampato.</translation>
        </message>
        <message>
            <source>Setting '{name}' ({where}): {reason}</source>
            <translation>Impostazione '{name}' ({where}): {reason}</translation>
        </message>
        <message>
            <source>No card reader is paired with this till. Card payments are off; take cash.</source>
            <translation>Nessun lettore di carte è associato a questa cassa. I pagamenti con carta sono disattivati; accetta contanti.</translation>
        </message>
        <message>
            <source>Card payments are relayed by the backend, but this till is not registered with one.</source>
            <translation>I pagamenti con carta passano dal backend, ma questa cassa non è registrata presso un backend.</translation>
        </message>
        <message>
            <source>This till has no OMO backend: stock cannot be checked.</source>
            <translation>Questa cassa non ha un backend OMO: impossibile verificare le giacenze.</translation>
        </message>
        <message>
            <source>Scan an item, or type its SKU or name.</source>
            <translation>Scansiona un articolo o digita il suo SKU o nome.</translation>
        </message>
        <message>
            <source>No item found for “{typed}”.</source>
            <translation>Nessun articolo trovato per «{typed}».</translation>
        </message>
        <message>
            <source>The OMO backend does not know item {sku}.</source>
            <translation>Il backend OMO non conosce l'articolo {sku}.</translation>
        </message>
        <message>
            <source>Stock cannot be checked now: {reason}</source>
            <translation>Impossibile verificare le giacenze ora: {reason}</translation>
        </message>
        <message>
            <source>Offline: this is the stock last known {age} ago (as of {as_of}). It may have changed.</source>
            <translation>Offline: questa è la giacenza nota {age} fa (alle {as_of}). Potrebbe essere cambiata.</translation>
        </message>
        <message>
            <source>Whose is it? Attach the member (scan their app) or type their name.</source>
            <translation>Per chi è? Associa il socio (scansiona la sua app) o digita il suo nome.</translation>
        </message>
        <message>
            <source>not enough left to promise at {store}</source>
            <translation>a {store} non ne resta abbastanza da promettere</translation>
        </message>
        <message>
            <source>Not available any more: {reason}. No other store or warehouse has it.</source>
            <translation>Non più disponibile: {reason}. Nessun altro negozio o magazzino lo ha.</translation>
        </message>
        <message>
            <source>Not available any more: {reason}. Still available: {offer}.</source>
            <translation>Non più disponibile: {reason}. Ancora disponibile: {offer}.</translation>
        </message>
        <message>
            <source>Not reserved: {reason}</source>
            <translation>Non prenotato: {reason}</translation>
        </message>
        <message>
            <source>Reserved: {qty} × {item} at {store} for {name} until {until} (order {order}). It is in the customer's OMO app.</source>
            <translation>Prenotato: {qty} × {item} presso {store} per {name} fino a {until} (ordine {order}). È nell'app OMO del cliente.</translation>
        </message>
        <message>
            <source>Reserved: {qty} × {item} at {store} for {name} until {until} (order {order}). Give the customer the order number.</source>
            <translation>Prenotato: {qty} × {item} presso {store} per {name} fino a {until} (ordine {order}). Dai al cliente il numero d'ordine.</translation>
        </message>
        <message>
            <source>An order is delivered home or collected here.</source>
            <translation>Un ordine viene consegnato a casa o ritirato qui.</translation>
        </message>
        <message>
            <source>Part of this sale is paid: finish it, then order.</source>
            <translation>Parte di questa vendita è pagata: completala, poi ordina.</translation>
        </message>
        <message>
            <source>Item {sku} is not sold at this till.</source>
            <translation>L'articolo {sku} non è in vendita in questa cassa.</translation>
        </message>
        <message>
            <source>An order delivered home needs the customer's address.</source>
            <translation>Un ordine con consegna a domicilio richiede l'indirizzo del cliente.</translation>
        </message>
        <message>
            <source>Not ordered: the backend must confirm the stock. {reason}</source>
            <translation>Non ordinato: il backend deve confermare la giacenza. {reason}</translation>
        </message>
        <message>
            <source>No other store or warehouse has {qty} × {item} to send.</source>
            <translation>Nessun altro negozio o magazzino ha {qty} × {item} da spedire.</translation>
        </message>
        <message>
            <source>Not ordered: {reason}</source>
            <translation>Non ordinato: {reason}</translation>
        </message>
        <message>
            <source>Order {order}: {qty} × {item} from {source}, delivered by {day}. Now take payment.</source>
            <translation>Ordine {order}: {qty} × {item} da {source}, consegna entro {day}. Ora incassa.</translation>
        </message>
        <message>
            <source>Order {order}: {qty} × {item} from {source}, to collect here from {day}. Now take payment.</source>
            <translation>Ordine {order}: {qty} × {item} da {source}, ritiro qui dal {day}. Ora incassa.</translation>
        </message>
        <message>
            <source>No order {order}.</source>
            <translation>Nessun ordine {order}.</translation>
        </message>
        <message>
            <source>The order cannot be checked now: {reason}</source>
            <translation>Impossibile verificare l'ordine ora: {reason}</translation>
        </message>
        <message>
            <source>Order {order} is not a reservation waiting to be collected ({status}).</source>
            <translation>L'ordine {order} non è una prenotazione in attesa di ritiro ({status}).</translation>
        </message>
        <message>
            <source>Reservation {order} waits at {store}, not here.</source>
            <translation>La prenotazione {order} attende presso {store}, non qui.</translation>
        </message>
        <message>
            <source>Reservation {order} for {name} is on the sale: take payment.</source>
            <translation>La prenotazione {order} per {name} è nella vendita: incassa.</translation>
        </message>
        <message>
            <source>Not given up: {reason}</source>
            <translation>Non annullato: {reason}</translation>
        </message>
        <message>
            <source>Order {order} given up: its stock is free again.</source>
            <translation>Ordine {order} annullato: la sua giacenza è di nuovo libera.</translation>
        </message>
        <message>
            <source>Order {order} was paid, but its stock went elsewhere before the sale reached the OMO backend. Offer the customer: {offer}; or refund {amount} for the order.</source>
            <translation>L'ordine {order} è stato pagato, ma la giacenza è andata altrove prima che la vendita raggiungesse il backend OMO. Proponi al cliente: {offer}; oppure rimborsa {amount} per l'ordine.</translation>
        </message>
        <message>
            <source>Order {order} was paid, but its stock went elsewhere before the sale reached the OMO backend, and no other store or warehouse has it. Refund {amount} for the order.</source>
            <translation>L'ordine {order} è stato pagato, ma la giacenza è andata altrove prima che la vendita raggiungesse il backend OMO, e nessun altro negozio o magazzino lo ha. Rimborsa {amount} per l'ordine.</translation>
        </message>
        <message>
            <source>The till is not open: a manager opens it on the Till page.</source>
            <translation>La cassa non è aperta: la apre un responsabile nella pagina Cassa.</translation>
        </message>
        <message>
            <source>{what}: a manager approves it.</source>
            <translation>{what}: lo approva un responsabile.</translation>
        </message>
        <message>
            <source>The till is not open.</source>
            <translation>La cassa non è aperta.</translation>
        </message>
        <message>
            <source>The till is already open.</source>
            <translation>La cassa è già aperta.</translation>
        </message>
        <message>
            <source>Only the demo shop opens its till by itself.</source>
            <translation>Solo il negozio demo apre la cassa da solo.</translation>
        </message>
        <message>
            <source>Till opened for the day with the demo float of {amount}.</source>
            <translation>Cassa aperta per la giornata con il fondo demo di {amount}.</translation>
        </message>
        <message>
            <source>Till opened with a float of {amount}.</source>
            <translation>Cassa aperta con un fondo cassa di {amount}.</translation>
        </message>
        <message>
            <source>The float is now {amount}.</source>
            <translation>Il fondo cassa ora è {amount}.</translation>
        </message>
        <message>
            <source>The amount must be more than zero.</source>
            <translation>L'importo deve essere maggiore di zero.</translation>
        </message>
        <message>
            <source>Say what the cash is for (it is kept with the movement).</source>
            <translation>Indica a cosa serve il contante (viene conservato con il movimento).</translation>
        </message>
        <message>
            <source>Cash in: {amount} ({reason}).</source>
            <translation>Versamento: {amount} ({reason}).</translation>
        </message>
        <message>
            <source>Cash out: {amount} ({reason}).</source>
            <translation>Prelievo: {amount} ({reason}).</translation>
        </message>
        <message>
            <source>Drop to the safe: {amount}.</source>
            <translation>Versamento in cassaforte: {amount}.</translation>
        </message>
        <message>
            <source>Recorded, but the drawer did not open: {error}</source>
            <translation>Registrato, ma il cassetto non si è aperto: {error}</translation>
        </message>
        <message>
            <source>{name} may not see reports.</source>
            <translation>{name} non può vedere i rapporti.</translation>
        </message>
        <message>
            <source>Card totals could not be checked with Stripe: {error}</source>
            <translation>I totali delle carte non sono stati verificati con Stripe: {error}</translation>
        </message>
        <message>
            <source>A card payment is not settled ({what}): the till cannot close until it is. Finish the payment, or let the reconciler settle it, then close.</source>
            <translation>Un pagamento con carta non è regolato ({what}): la cassa non può chiudere finché non lo è. Completa il pagamento o lascia che venga riconciliato, poi chiudi.</translation>
        </message>
        <message>
            <source>The till could NOT be closed ({error}); nothing was recorded. Try again.</source>
            <translation>La cassa NON è stata chiusa ({error}); non è stato registrato nulla. Riprova.</translation>
        </message>
        <message>
            <source>Till closed. {difference}{approved}{unsynced}</source>
            <translation>Cassa chiusa. {difference}{approved}{unsynced}</translation>
        </message>
        <message>
            <source> {name} approved it.</source>
            <translation> Approvato da {name}.</translation>
        </message>
        <message>
            <source> {note}</source>
            <translation> {note}</translation>
        </message>
        <message>
            <source>Counted {counted}: exactly as expected.</source>
            <translation>Contati {counted}: esattamente come previsto.</translation>
        </message>
        <message>
            <source>Counted {counted}, expected {expected}: {side} by {amount}. Say why (kept with the closure).</source>
            <translation>Contati {counted}, attesi {expected}: {side} di {amount}. Indica il motivo (conservato con la chiusura).</translation>
        </message>
        <message>
            <source>Counted {counted}, expected {expected}: {side} by {amount}, above {limit}: a manager approves it.</source>
            <translation>Contati {counted}, attesi {expected}: {side} di {amount}, oltre {limit}: lo approva un responsabile.</translation>
        </message>
        <message>
            <source>Counted {counted}, expected {expected}: {side} by {amount}.</source>
            <translation>Contati {counted}, attesi {expected}: {side} di {amount}.</translation>
        </message>
        <message>
            <source>over</source>
            <translation>eccedenza</translation>
        </message>
        <message>
            <source>short</source>
            <translation>ammanco</translation>
        </message>
        <message>
            <source>Not at the backend yet: {n} (the oldest from {minutes} min ago); they go on syncing.</source>
            <translation>Non ancora sul backend: {n} (il più vecchio di {minutes} min fa); la sincronizzazione continua.</translation>
        </message>
        <message>
            <source>Session {session} is not closed: no Z report yet.</source>
            <translation>La sessione {session} non è chiusa: ancora nessun rapporto Z.</translation>
        </message>
        <message>
            <source>The Z report did not print: {error}</source>
            <translation>Il rapporto Z non è stato stampato: {error}</translation>
        </message>
        <message>
            <source>The Z report waits in the print queue: {problem}</source>
            <translation>Il rapporto Z attende nella coda di stampa: {problem}</translation>
        </message>
        <message>
            <source>Z report printed.</source>
            <translation>Rapporto Z stampato.</translation>
        </message>
        <message>
            <source>Cash</source>
            <translation>Contanti</translation>
        </message>
        <message>
            <source>Card</source>
            <translation>Carta</translation>
        </message>
        <message>
            <source>Points</source>
            <translation>Punti</translation>
        </message>
        <message>
            <source>Gift card</source>
            <translation>Carta regalo</translation>
        </message>
        <message>
            <source>Store credit</source>
            <translation>Credito negozio</translation>
        </message>
        <message>
            <source>Sales ({n})</source>
            <translation>Vendite ({n})</translation>
        </message>
        <message>
            <source>Returns ({n})</source>
            <translation>Resi ({n})</translation>
        </message>
        <message>
            <source>Net sales</source>
            <translation>Vendite nette</translation>
        </message>
        <message>
            <source>Discounts given</source>
            <translation>Sconti concessi</translation>
        </message>
        <message>
            <source>Points redeemed</source>
            <translation>Punti utilizzati</translation>
        </message>
        <message>
            <source>Voided sales ({n})</source>
            <translation>Vendite annullate ({n})</translation>
        </message>
        <message>
            <source>No-sale drawer openings</source>
            <translation>Aperture cassetto senza vendita</translation>
        </message>
        <message>
            <source>No payments</source>
            <translation>Nessun pagamento</translation>
        </message>
        <message>
            <source>{rate} on {amount}</source>
            <translation>{rate} su {amount}</translation>
        </message>
        <message>
            <source>No tax</source>
            <translation>Nessuna imposta</translation>
        </message>
        <message>
            <source>Opening float</source>
            <translation>Fondo cassa iniziale</translation>
        </message>
        <message>
            <source>+ Cash tendered</source>
            <translation>+ Contanti ricevuti</translation>
        </message>
        <message>
            <source>− Change given</source>
            <translation>− Resto dato</translation>
        </message>
        <message>
            <source>− Cash refunds</source>
            <translation>− Rimborsi in contanti</translation>
        </message>
        <message>
            <source>+ Paid in</source>
            <translation>+ Versamenti</translation>
        </message>
        <message>
            <source>− Paid out</source>
            <translation>− Prelievi</translation>
        </message>
        <message>
            <source>− Drops to the safe</source>
            <translation>− Versamenti in cassaforte</translation>
        </message>
        <message>
            <source>= Expected in the drawer</source>
            <translation>= Atteso nel cassetto</translation>
        </message>
        <message>
            <source>Over</source>
            <translation>Eccedenza</translation>
        </message>
        <message>
            <source>Short</source>
            <translation>Ammanco</translation>
        </message>
        <message>
            <source>Over/short</source>
            <translation>Eccedenza/ammanco</translation>
        </message>
        <message>
            <source>Counted</source>
            <translation>Contato</translation>
        </message>
        <message>
            <source>Reason: {reason}</source>
            <translation>Motivo: {reason}</translation>
        </message>
        <message>
            <source>Approved by</source>
            <translation>Approvato da</translation>
        </message>
        <message>
            <source>Sales</source>
            <translation>Vendite</translation>
        </message>
        <message>
            <source>Tenders</source>
            <translation>Pagamenti</translation>
        </message>
        <message>
            <source>Tax per rate</source>
            <translation>Imposte per aliquota</translation>
        </message>
        <message>
            <source>{brand} ({n})</source>
            <translation>{brand} ({n})</translation>
        </message>
        <message>
            <source>Stripe total</source>
            <translation>Totale Stripe</translation>
        </message>
        <message>
            <source>Journal total</source>
            <translation>Totale giornale</translation>
        </message>
        <message>
            <source>Not checked with Stripe (offline)</source>
            <translation>Non verificato con Stripe (offline)</translation>
        </message>
        <message>
            <source>Cards, reconciled with Stripe</source>
            <translation>Carte, riconciliate con Stripe</translation>
        </message>
        <message>
            <source>Top products</source>
            <translation>Prodotti più venduti</translation>
        </message>
        <message>
            <source>Z report · till {till} · session {session}</source>
            <translation>Rapporto Z · cassa {till} · sessione {session}</translation>
        </message>
        <message>
            <source>Opened {at} by {who}</source>
            <translation>Aperta {at} da {who}</translation>
        </message>
        <message>
            <source>Closed {at} by {who}</source>
            <translation>Chiusa {at} da {who}</translation>
        </message>
        <message>
            <source>A discount is either a percent or an amount, not both or neither.</source>
            <translation>Uno sconto è una percentuale o un importo, non entrambi né nessuno dei due.</translation>
        </message>
        <message>
            <source>A discount's reason must be text.</source>
            <translation>Il motivo di uno sconto deve essere un testo.</translation>
        </message>
        <message>
            <source>A discount amount must be Money, not {amount!r}.</source>
            <translation>L'importo di uno sconto deve essere Money, non {amount!r}.</translation>
        </message>
        <message>
            <source>A discount must be more than zero, not {amount}.</source>
            <translation>Uno sconto deve essere maggiore di zero, non {amount}.</translation>
        </message>
        <message>
            <source>A discount percent must be exact (text or Decimal), not {percent!r}.</source>
            <translation>La percentuale di uno sconto deve essere esatta (testo o Decimal), non {percent!r}.</translation>
        </message>
        <message>
            <source>A discount must be more than 0%, not {percent}%.</source>
            <translation>Uno sconto deve essere maggiore dello 0%, non {percent}%.</translation>
        </message>
        <message>
            <source>A discount cannot be more than 100% (asked for {percent}%).</source>
            <translation>Uno sconto non può superare il 100% (richiesto: {percent}%).</translation>
        </message>
        <message>
            <source>{percent!r} is not a percent.</source>
            <translation>{percent!r} non è una percentuale.</translation>
        </message>
        <message>
            <source>The discount of {amount} is more than the {base} of {what}.</source>
            <translation>Lo sconto di {amount} supera i {base} di {what}.</translation>
        </message>
        <message>
            <source>The discount of {amount} is more than the {base} of the sale.</source>
            <translation>Lo sconto di {amount} supera i {base} della vendita.</translation>
        </message>
        <message>
            <source>A sold line could not be read ({why}).</source>
            <translation>Non è stato possibile leggere una riga venduta ({why}).</translation>
        </message>
        <message>
            <source>The quantity must be a whole number of units, not {quantity!r}.</source>
            <translation>La quantità deve essere un numero intero di pezzi, non {quantity!r}.</translation>
        </message>
        <message>
            <source>The quantity must be at least 1; to take the line off, remove it.</source>
            <translation>La quantità deve essere almeno 1; per togliere la riga, eliminala.</translation>
        </message>
        <message>
            <source>The quantity {quantity} is too large (at most {most}). Was a barcode typed into the quantity?</source>
            <translation>La quantità {quantity} è troppo grande (al massimo {most}). È stato digitato un codice a barre nella quantità?</translation>
        </message>
        <message>
            <source>A price must be Money, not {price!r}.</source>
            <translation>Un prezzo deve essere Money, non {price!r}.</translation>
        </message>
        <message>
            <source>A price cannot be negative ({price}).</source>
            <translation>Un prezzo non può essere negativo ({price}).</translation>
        </message>
        <message>
            <source>Not a discount: {discount!r}.</source>
            <translation>Non è uno sconto: {discount!r}.</translation>
        </message>
        <message>
            <source>An item needs a SKU, got {sku!r}.</source>
            <translation>Un articolo ha bisogno di uno SKU, ricevuto {sku!r}.</translation>
        </message>
        <message>
            <source>An item description must be text, got {description!r}.</source>
            <translation>La descrizione di un articolo deve essere un testo, ricevuto {description!r}.</translation>
        </message>
        <message>
            <source>A weighed item needs its measure, not {measure!r}.</source>
            <translation>Un articolo pesato ha bisogno della sua misura, non {measure!r}.</translation>
        </message>
        <message>
            <source>{item} is sold by weight ({measure}): its quantity is its weight. Weigh and scan each item, or remove the line.</source>
            <translation>{item} è venduto a peso ({measure}): la sua quantità è il suo peso. Pesa e scansiona ogni articolo, oppure elimina la riga.</translation>
        </message>
        <message>
            <source>{item} is on order {order_no}, which holds {quantity}: to change the quantity, remove the line and order again.</source>
            <translation>{item} è nell'ordine {order_no}, che ne contiene {quantity}: per cambiare la quantità, elimina la riga e ordina di nuovo.</translation>
        </message>
        <message>
            <source>A price change needs a reason.</source>
            <translation>Una modifica del prezzo richiede un motivo.</translation>
        </message>
        <message>
            <source>Not offers: {offers!r}.</source>
            <translation>Non sono offerte: {offers!r}.</translation>
        </message>
        <message>
            <source>The saved sale could not be restored ({why}).</source>
            <translation>Non è stato possibile ripristinare la vendita salvata ({why}).</translation>
        </message>
        <message>
            <source>{item} was sold by weight ({measure}): it is returned whole, as one item, or not at all.</source>
            <translation>{item} è stato venduto a peso ({measure}): si rende intero, come un solo articolo, oppure per niente.</translation>
        </message>
        <message>
            <source>Return quantities must be whole numbers of units.</source>
            <translation>Le quantità da rendere devono essere numeri interi di pezzi.</translation>
        </message>
        <message>
            <source>Only {left} of {quantity} × {item} can still be returned (asked for {asked}).</source>
            <translation>Si possono ancora rendere solo {left} di {quantity} × {item} (richiesti: {asked}).</translation>
        </message>
        <message>
            <source>There is nothing to return: the sale has no lines.</source>
            <translation>Non c'è niente da rendere: la vendita non ha righe.</translation>
        </message>
        <message>
            <source>The cash rounding rule {rule!r} is for {currencies}, not {currency}. A store in {currency} can choose: {choices}.</source>
            <translation>La regola di arrotondamento dei contanti {rule!r} è per {currencies}, non per {currency}. Un negozio in {currency} può scegliere: {choices}.</translation>
        </message>
        <message>
            <source>Unknown cash rounding rule {rule!r}; choose one of: {choices}.</source>
            <translation>Regola di arrotondamento dei contanti sconosciuta {rule!r}; scegline una tra: {choices}.</translation>
        </message>
        <message>
            <source>The saved sale was written by another version and cannot be restored.</source>
            <translation>La vendita salvata è stata scritta da un'altra versione e non può essere ripristinata.</translation>
        </message>
        <message>
            <source>{name} is no longer sold (archived). Put it aside and call a manager.</source>
            <translation>{name} non è più in vendita (archiviato). Mettilo da parte e chiama un responsabile.</translation>
        </message>
        <message>
            <source>No product with SKU {sku} in the catalog.</source>
            <translation>Nessun prodotto con SKU {sku} nel catalogo.</translation>
        </message>
        <message>
            <source>This needs a manager's approval, and this till takes none.</source>
            <translation>Serve l'approvazione di un responsabile, e questa cassa non ne accetta.</translation>
        </message>
        <message>
            <source>That coupon or promotion is not on this sale.</source>
            <translation>Quel coupon o promozione non è su questa vendita.</translation>
        </message>
        <message>
            <source>That coupon or promotion was not taken off this sale.</source>
            <translation>Quel coupon o promozione non è stato tolto da questa vendita.</translation>
        </message>
        <message>
            <source>Part of this sale is already paid. Finish the payment, or void the sale (the card part is refunded) to change it.</source>
            <translation>Parte di questa vendita è già pagata. Completa il pagamento, oppure annulla la vendita (la parte con carta viene rimborsata) per modificarla.</translation>
        </message>
        <message>
            <source>That is {short} short of the amount due in cash.</source>
            <translation>Mancano {short} all'importo dovuto in contanti.</translation>
        </message>
        <message>
            <source>Points pay in steps of {step}: {points} is not a whole number of steps.</source>
            <translation>I punti pagano a passi di {step}: {points} non è un numero intero di passi.</translation>
        </message>
        <message>
            <source>That is more points than the sale still needs.</source>
            <translation>Sono più punti di quanti ne servono ancora alla vendita.</translation>
        </message>
        <message>
            <source>A part payment must be more than zero and less than what is due.</source>
            <translation>Un pagamento parziale deve essere maggiore di zero e minore dell'importo dovuto.</translation>
        </message>
        <message>
            <source>The payments do not cover the total yet.</source>
            <translation>I pagamenti non coprono ancora il totale.</translation>
        </message>
        <message>
            <source>A different sale was committed than the one on screen.</source>
            <translation>È stata registrata una vendita diversa da quella sullo schermo.</translation>
        </message>
        <message>
            <source>Refund the part already paid first; a partly paid sale cannot just be voided.</source>
            <translation>Rimborsa prima la parte già pagata; una vendita pagata in parte non si può semplicemente annullare.</translation>
        </message>
        <message>
            <source>There is nothing to suspend.</source>
            <translation>Non c'è niente da sospendere.</translation>
        </message>
        <message>
            <source>This is not a code this till understands.</source>
            <translation>Questo non è un codice che questa cassa riconosce.</translation>
        </message>
        <message>
            <source>This code is damaged or incomplete. Please scan it again.</source>
            <translation>Questo codice è danneggiato o incompleto. Scansionalo di nuovo.</translation>
        </message>
        <message>
            <source>This member code is newer than this till's keys. Check the till is online, then scan again, or type the member number.</source>
            <translation>Questo codice socio è più recente delle chiavi di questa cassa. Verifica che la cassa sia online, poi scansiona di nuovo, oppure digita il numero socio.</translation>
        </message>
        <message>
            <source>This member code is not genuine. Type the member number instead.</source>
            <translation>Questo codice socio non è autentico. Digita invece il numero socio.</translation>
        </message>
        <message>
            <source>This member code has expired. Ask the member to reopen the code in the app.</source>
            <translation>Questo codice socio è scaduto. Chiedi al socio di riaprire il codice nell'app.</translation>
        </message>
        <message>
            <source>This member card has been cancelled. Ask for the app code or a new card.</source>
            <translation>Questa tessera socio è stata annullata. Chiedi il codice dell'app o una nuova tessera.</translation>
        </message>
        <message>
            <source>A member number has only digits.</source>
            <translation>Un numero socio contiene solo cifre.</translation>
        </message>
        <message>
            <source>This member number is too long.</source>
            <translation>Questo numero socio è troppo lungo.</translation>
        </message>
        <message>
            <source>A name has at most {most} characters.</source>
            <translation>Un nome ha al massimo {most} caratteri.</translation>
        </message>
        <message>
            <source>Unknown currency {code!r}: use a three-letter ISO 4217 code such as EUR, USD or JPY.</source>
            <translation>Valuta sconosciuta {code!r}: usa un codice ISO 4217 di tre lettere come EUR, USD o JPY.</translation>
        </message>
        <message>
            <source>Cannot combine amounts in {first} and {second}: they are different currencies.</source>
            <translation>Impossibile combinare importi in {first} e {second}: sono valute diverse.</translation>
        </message>
        <message>
            <source>The amount {text} has too many decimals: {currency} has no decimals.</source>
            <translation>L'importo {text} ha troppi decimali: {currency} non ha decimali.</translation>
        </message>
        <message>
            <source>The amount {text} has too many decimals: {currency} has at most 1 decimal.</source>
            <translation>L'importo {text} ha troppi decimali: {currency} ha al massimo 1 decimale.</translation>
        </message>
        <message>
            <source>The amount {text} has too many decimals: {currency} has at most {digits} decimals.</source>
            <translation>L'importo {text} ha troppi decimali: {currency} ha al massimo {digits} decimali.</translation>
        </message>
        <message>
            <source>The quantity cannot be negative ({quantity}). To take goods back, start a return instead.</source>
            <translation>La quantità non può essere negativa ({quantity}). Per riprendere della merce, avvia invece un reso.</translation>
        </message>
        <message>
            <source>Unknown tax code {code!r}: this store has no such tax rate. Known tax codes: {known}.</source>
            <translation>Codice IVA sconosciuto {code!r}: questo negozio non ha questa aliquota. Codici IVA noti: {known}.</translation>
        </message>
        <message>
            <source>Unknown tax code {code!r}: this store has no such tax rate.</source>
            <translation>Codice IVA sconosciuto {code!r}: questo negozio non ha questa aliquota.</translation>
        </message>
        <message>
            <source>That line is no longer in the sale (line {line_id!r}).</source>
            <translation>Quella riga non è più nella vendita (riga {line_id!r}).</translation>
        </message>
        <message>
            <source>Setting {setting!r}: {reason}</source>
            <translation>Impostazione {setting!r}: {reason}</translation>
        </message>
        <message>
            <source>This is not a product barcode this till understands.</source>
            <translation>Questo non è un codice a barre di prodotto che questa cassa riconosce.</translation>
        </message>
        <message>
            <source>This barcode did not scan correctly (check digit). Scan it again or type it.</source>
            <translation>Questo codice a barre non è stato letto correttamente (cifra di controllo). Scansionalo di nuovo o digitalo.</translation>
        </message>
        <message>
            <source>The price or weight on this in-store label did not scan correctly (its check digit). Scan it again or type it.</source>
            <translation>Il prezzo o il peso su questa etichetta del negozio non è stato letto correttamente (cifra di controllo). Scansionala di nuovo o digitalo.</translation>
        </message>
        <message>
            <source>GS1 code refused: {detail}. Scan it again; if it is refused again, put the item aside and call a manager.</source>
            <translation>Codice GS1 rifiutato: {detail}. Scansionalo di nuovo; se viene rifiutato ancora, metti da parte l'articolo e chiama un responsabile.</translation>
        </message>
        <message>
            <source>This is not a product barcode this till understands. (symbology {aim})</source>
            <translation>Questo non è un codice a barre di prodotto che questa cassa riconosce. (simbologia {aim})</translation>
        </message>
        <message>
            <source>{value!r} is not a date and time.</source>
            <translation>{value!r} non è una data e ora.</translation>
        </message>
        <message>
            <source>{what} must be exact (a whole number or a text like '1.5'), not {value!r}.</source>
            <translation>{what} deve essere esatto (un numero intero o un testo come '1.5'), non {value!r}.</translation>
        </message>
        <message>
            <source>{what} {value!r} is not a number.</source>
            <translation>{what} {value!r} non è un numero.</translation>
        </message>
        <message>
            <source>{what} cannot be negative ({value}).</source>
            <translation>{what} non può essere negativo ({value}).</translation>
        </message>
        <message>
            <source>Points promotion {promo} ends before it starts.</source>
            <translation>La promozione punti {promo} finisce prima di iniziare.</translation>
        </message>
        <message>
            <source>{name} must be a whole number of points, not {value!r}.</source>
            <translation>{name} deve essere un numero intero di punti, non {value!r}.</translation>
        </message>
        <message>
            <source>A redeem step needs some points and some value.</source>
            <translation>Un passo di riscatto richiede dei punti e un valore.</translation>
        </message>
        <message>
            <source>A line of {sku} cannot have been paid {paid}.</source>
            <translation>Una riga di {sku} non può essere stata pagata {paid}.</translation>
        </message>
        <message>
            <source>A points tender of {points_paid} does not fit the sale.</source>
            <translation>Un pagamento in punti di {points_paid} non corrisponde alla vendita.</translation>
        </message>
        <message>
            <source>{units} {currency} is not a whole number of minor units.</source>
            <translation>{units} {currency} non è un numero intero di unità minime.</translation>
        </message>
        <message>
            <source>{points!r} is not a number of points.</source>
            <translation>{points!r} non è un numero di punti.</translation>
        </message>
        <message>
            <source>Points pay in steps of {step} minor units of {currency}; {amount!r} is not one.</source>
            <translation>I punti pagano a passi di {step} unità minime di {currency}; {amount!r} non lo è.</translation>
        </message>
        <message>
            <source>The loyalty programme could not be read ({error}).</source>
            <translation>Il programma fedeltà non è stato letto ({error}).</translation>
        </message>
        <message>
            <source>{units} units after {before} of {quantity} cannot be returned.</source>
            <translation>{units} unità dopo {before} di {quantity} non possono essere rese.</translation>
        </message>
        <message>
            <source>There is no loyalty programme {programme_id!r}.</source>
            <translation>Non esiste il programma fedeltà {programme_id!r}.</translation>
        </message>
        <message>
            <source>A measured quantity must be an exact number above 0 (and at most {most:,}), not {quantity!r}.</source>
            <translation>Una quantità misurata deve essere un numero esatto maggiore di 0 (e al massimo {most:,}), non {quantity!r}.</translation>
        </message>
        <message>
            <source>The measured quantity {quantity:f} has more than {most} decimals.</source>
            <translation>La quantità misurata {quantity:f} ha più di {most} decimali.</translation>
        </message>
        <message>
            <source>Unknown unit {unit!r}; a line is sold by {units}.</source>
            <translation>Unità sconosciuta {unit!r}; una riga si vende in {units}.</translation>
        </message>
        <message>
            <source>Unknown unit {unit!r} to price by.</source>
            <translation>Unità di prezzo sconosciuta {unit!r}.</translation>
        </message>
        <message>
            <source>{unit} cannot be priced per {per}: only weights convert.</source>
            <translation>{unit} non può avere un prezzo per {per}: si convertono solo i pesi.</translation>
        </message>
        <message>
            <source>A price per {unit} must be a whole number of minor units &gt;= 0, not {price!r}.</source>
            <translation>Un prezzo per {unit} deve essere un numero intero di unità minori &gt;= 0, non {price!r}.</translation>
        </message>
        <message>
            <source>A weight must be a whole number of grams above 0, not {grams!r}.</source>
            <translation>Un peso deve essere un numero intero di grammi maggiore di 0, non {grams!r}.</translation>
        </message>
        <message>
            <source>A saved measure could not be read ({why}): {data!r}.</source>
            <translation>Non è stato possibile leggere una misura salvata ({why}): {data!r}.</translation>
        </message>
        <message>
            <source>An amount must be a whole number of minor units, not {minor!r} ({kind}).</source>
            <translation>Un importo deve essere un numero intero di unità minori, non {minor!r} ({kind}).</translation>
        </message>
        <message>
            <source>An amount must be text, a Decimal or a whole number, not {kind}.</source>
            <translation>Un importo deve essere un testo, un Decimal o un numero intero, non {kind}.</translation>
        </message>
        <message>
            <source>{value!r} is not an amount.</source>
            <translation>{value!r} non è un importo.</translation>
        </message>
        <message>
            <source>Unknown locale {locale!r} for showing amounts.</source>
            <translation>Impostazione locale sconosciuta {locale!r} per mostrare gli importi.</translation>
        </message>
        <message>
            <source>Cannot split an amount over nothing.</source>
            <translation>Impossibile ripartire un importo sul nulla.</translation>
        </message>
        <message>
            <source>A split weight must be exact, not {weight!r}.</source>
            <translation>Un peso di ripartizione deve essere esatto, non {weight!r}.</translation>
        </message>
        <message>
            <source>A split weight cannot be negative.</source>
            <translation>Un peso di ripartizione non può essere negativo.</translation>
        </message>
        <message>
            <source>Cannot split an amount when every share is zero.</source>
            <translation>Impossibile ripartire un importo quando ogni quota è zero.</translation>
        </message>
        <message>
            <source>An offer is a coupon or a promotion, not {kind!r}.</source>
            <translation>Un'offerta è un coupon o una promozione, non {kind!r}.</translation>
        </message>
        <message>
            <source>Offer {code} needs a percent or an amount, not both or neither.</source>
            <translation>L'offerta {code} richiede una percentuale o un importo, non entrambi né nessuno.</translation>
        </message>
        <message>
            <source>Offer {code} has an impossible value {value!r}.</source>
            <translation>L'offerta {code} ha un valore impossibile {value!r}.</translation>
        </message>
        <message>
            <source>A saved offer could not be read ({error}).</source>
            <translation>Un'offerta salvata non è stata letta ({error}).</translation>
        </message>
        <message>
            <source>{text!r} is not a date and time.</source>
            <translation>{text!r} non è una data e ora.</translation>
        </message>
        <message>
            <source>Card blocked by the bank: do not try it again. Ask for another card or another way to pay.</source>
            <translation>Carta bloccata dalla banca: non riprovarla. Chiedi un'altra carta o un altro metodo di pagamento.</translation>
        </message>
        <message>
            <source>Card declined by the bank. Ask for another card or another way to pay.</source>
            <translation>Carta rifiutata dalla banca. Chiedi un'altra carta o un altro metodo di pagamento.</translation>
        </message>
        <message>
            <source>Card declined: the customer must call their bank. Ask for another card or cash.</source>
            <translation>Carta rifiutata: il cliente deve chiamare la sua banca. Chiedi un'altra carta o contanti.</translation>
        </message>
        <message>
            <source>Card declined: not enough funds. Ask for another card or another way to pay.</source>
            <translation>Carta rifiutata: fondi insufficienti. Chiedi un'altra carta o un altro metodo di pagamento.</translation>
        </message>
        <message>
            <source>Card expired. Ask for another card.</source>
            <translation>Carta scaduta. Chiedi un'altra carta.</translation>
        </message>
        <message>
            <source>Wrong PIN. Ask the customer to try again.</source>
            <translation>PIN errato. Chiedi al cliente di riprovare.</translation>
        </message>
        <message>
            <source>Too many wrong PINs: this card cannot be used now. Ask for another card or cash.</source>
            <translation>Troppi PIN errati: questa carta non può essere usata ora. Chiedi un'altra carta o contanti.</translation>
        </message>
        <message>
            <source>Card over its limit. Ask for another card or another way to pay.</source>
            <translation>Carta oltre il suo limite. Chiedi un'altra carta o un altro metodo di pagamento.</translation>
        </message>
        <message>
            <source>The card could not be processed. Try the card again.</source>
            <translation>Non è stato possibile elaborare la carta. Riprova con la carta.</translation>
        </message>
        <message>
            <source>Card declined: security check failed. Ask for another card.</source>
            <translation>Carta rifiutata: controllo di sicurezza non superato. Chiedi un'altra carta.</translation>
        </message>
        <message>
            <source>Card payments are unavailable (no connection to Stripe). Take cash or another tender.</source>
            <translation>I pagamenti con carta non sono disponibili (nessuna connessione a Stripe). Prendi contanti o un altro mezzo di pagamento.</translation>
        </message>
        <message>
            <source>The reader accepted the card but Stripe has not confirmed the payment yet. Do not take another tender: press Pay again in a moment to check.</source>
            <translation>Il lettore ha accettato la carta ma Stripe non ha ancora confermato il pagamento. Non prendere un altro mezzo di pagamento: premi di nuovo Paga tra un momento per verificare.</translation>
        </message>
        <message>
            <source>Stripe had an error and could not start the card payment; the card was not charged. Press Pay to try again, or take another tender.</source>
            <translation>Stripe ha avuto un errore e non ha potuto avviare il pagamento con carta; la carta non è stata addebitata. Premi Paga per riprovare, o prendi un altro mezzo di pagamento.</translation>
        </message>
        <message>
            <source>The card payment was cancelled; the card was not charged. Take the other tender.</source>
            <translation>Il pagamento con carta è stato annullato; la carta non è stata addebitata. Prendi l'altro mezzo di pagamento.</translation>
        </message>
        <message>
            <source>The card had been authorised, but this sale has changed since: that authorisation was released and the card was not charged. Take the other tender.</source>
            <translation>La carta era stata autorizzata, ma questa vendita è cambiata da allora: l'autorizzazione è stata rilasciata e la carta non è stata addebitata. Prendi l'altro mezzo di pagamento.</translation>
        </message>
        <message>
            <source>The card payment went through after all and is now recorded on this sale. Do not take that amount again in cash or another tender.</source>
            <translation>Il pagamento con carta alla fine è andato a buon fine ed è ora registrato su questa vendita. Non prendere di nuovo quell'importo in contanti o con un altro mezzo di pagamento.</translation>
        </message>
        <message>
            <source>An earlier card payment for this sale cannot be checked now (no connection to Stripe), so the card may have been charged. Do not take cash or another tender yet: try again in a moment, or press Pay to finish by card. If Stripe stays unreachable, suspend the sale and call a manager.</source>
            <translation>Un pagamento con carta precedente per questa vendita non può essere verificato ora (nessuna connessione a Stripe), quindi la carta potrebbe essere stata addebitata. Non prendere ancora contanti o un altro mezzo di pagamento: riprova tra un momento, o premi Paga per completare con la carta. Se Stripe resta irraggiungibile, sospendi la vendita e chiama un responsabile.</translation>
        </message>
        <message>
            <source>Stripe is still processing the card payment for this sale. Do not take another tender yet: try again in a moment.</source>
            <translation>Stripe sta ancora elaborando il pagamento con carta di questa vendita. Non prendere ancora un altro mezzo di pagamento: riprova tra un momento.</translation>
        </message>
        <message>
            <source>A card payment is running for this sale: let it finish or cancel it first.</source>
            <translation>È in corso un pagamento con carta per questa vendita: lascialo terminare o annullalo prima.</translation>
        </message>
        <message>
            <source>The card was charged, but that payment cannot be added to this sale. Do not take another tender: call a manager to refund the card or correct the sale.</source>
            <translation>La carta è stata addebitata, ma quel pagamento non può essere aggiunto a questa vendita. Non prendere un altro mezzo di pagamento: chiama un responsabile per rimborsare la carta o correggere la vendita.</translation>
        </message>
        <message>
            <source>The customer cancelled on the reader. Ask how they want to pay.</source>
            <translation>Il cliente ha annullato sul lettore. Chiedi come vuole pagare.</translation>
        </message>
        <message>
            <source>The reader stopped waiting for a card. Press Pay to try again.</source>
            <translation>Il lettore ha smesso di attendere una carta. Premi Paga per riprovare.</translation>
        </message>
        <message>
            <source>The payment was cancelled.</source>
            <translation>Il pagamento è stato annullato.</translation>
        </message>
        <message>
            <source>The reader could not take the card ({code}). Try again or take another tender.</source>
            <translation>Il lettore non ha potuto accettare la carta ({code}). Riprova o prendi un altro mezzo di pagamento.</translation>
        </message>
        <message>
            <source>Nothing to pay by card.</source>
            <translation>Niente da pagare con carta.</translation>
        </message>
        <message>
            <source>This card payment is already in progress.</source>
            <translation>Questo pagamento con carta è già in corso.</translation>
        </message>
        <message>
            <source>Cancel the running card payment first.</source>
            <translation>Annulla prima il pagamento con carta in corso.</translation>
        </message>
        <message>
            <source>This card payment is being settled; try again in a moment.</source>
            <translation>Questo pagamento con carta è in fase di definizione; riprova tra un momento.</translation>
        </message>
        <message>
            <source>Card payment cancelled.</source>
            <translation>Pagamento con carta annullato.</translation>
        </message>
        <message>
            <source>An earlier card payment for this sale needs a manager.</source>
            <translation>Un pagamento con carta precedente per questa vendita richiede un responsabile.</translation>
        </message>
        <message>
            <source>The reader stopped the payment. Press Pay to try again.</source>
            <translation>Il lettore ha interrotto il pagamento. Premi Paga per riprovare.</translation>
        </message>
        <message>
            <source>The card was charged before the cancel reached it; the sale is paid.</source>
            <translation>La carta è stata addebitata prima che arrivasse l'annullamento; la vendita è pagata.</translation>
        </message>
        <message>
            <source>The card had already been tapped; that authorisation was released. Card payment cancelled.</source>
            <translation>La carta era già stata avvicinata; quell'autorizzazione è stata rilasciata. Pagamento con carta annullato.</translation>
        </message>
        <message>
            <source>The sale is already completed; it cannot be re-tendered.</source>
            <translation>La vendita è già completata; non può essere pagata di nuovo.</translation>
        </message>
        <message>
            <source>The card was NOT charged: its authorisation was cancelled after the sale was recorded. Call a manager before the customer leaves.</source>
            <translation>La carta NON è stata addebitata: la sua autorizzazione è stata annullata dopo la registrazione della vendita. Chiama un responsabile prima che il cliente se ne vada.</translation>
        </message>
        <message>
            <source>Line {line_no} is not on {document}.</source>
            <translation>La riga {line_no} non è su {document}.</translation>
        </message>
        <message>
            <source>The tax code {code!r} of this purchase is not in this store's tax table: it cannot be refunded here. Call a manager.</source>
            <translation>Il codice IVA {code!r} di questo acquisto non è nella tabella IVA di questo negozio: non può essere rimborsato qui. Chiama un responsabile.</translation>
        </message>
        <message>
            <source>A quantity to return cannot be negative.</source>
            <translation>Una quantità da rendere non può essere negativa.</translation>
        </message>
        <message>
            <source>Line {line_no} is picked twice.</source>
            <translation>La riga {line_no} è scelta due volte.</translation>
        </message>
        <message>
            <source>Pick at least one item to take back.</source>
            <translation>Scegli almeno un articolo da riprendere.</translation>
        </message>
        <message>
            <source>Refund to {to!r}? Choose the original payment or store credit.</source>
            <translation>Rimborso su {to!r}? Scegli il pagamento originale o il credito del negozio.</translation>
        </message>
        <message>
            <source>Scan the items the customer brings back.</source>
            <translation>Scansiona gli articoli che il cliente riporta.</translation>
        </message>
        <message>
            <source>Two items of the return share a line number.</source>
            <translation>Due articoli del reso hanno lo stesso numero di riga.</translation>
        </message>
        <message>
            <source>Scale label {label}: item {item} is not in the catalog.</source>
            <translation>Etichetta della bilancia {label}: l'articolo {item} non è nel catalogo.</translation>
        </message>
        <message>
            <source>Barcode {gtin} is not in the catalog. Put the item aside and search for it by name.</source>
            <translation>Il codice a barre {gtin} non è nel catalogo. Metti da parte l'articolo e cercalo per nome.</translation>
        </message>
        <message>
            <source>GTIN {gtin} is not in the catalog. Put the item aside and search for it by name.</source>
            <translation>Il GTIN {gtin} non è nel catalogo. Metti da parte l'articolo e cercalo per nome.</translation>
        </message>
        <message>
            <source>{name} expired on {date}: it must not be sold. Put it aside and tell a manager.</source>
            <translation>{name} è scaduto il {date}: non deve essere venduto. Mettilo da parte e avvisa un responsabile.</translation>
        </message>
        <message>
            <source>The label of {name} says it weighs nothing. Weigh it again.</source>
            <translation>L'etichetta di {name} indica un peso nullo. Pesalo di nuovo.</translation>
        </message>
        <message>
            <source>The label of {name} counts no pieces. Print a new label.</source>
            <translation>L'etichetta di {name} non conta nessun pezzo. Stampa una nuova etichetta.</translation>
        </message>
        <message>
            <source>The price on this label is in {label_currency}; this till sells in {currency}. Put the item aside and call a manager.</source>
            <translation>Il prezzo su questa etichetta è in {label_currency}; questa cassa vende in {currency}. Metti da parte l'articolo e chiama un responsabile.</translation>
        </message>
        <message>
            <source>cashier</source>
            <translation>cassiere</translation>
        </message>
        <message>
            <source>associate</source>
            <translation>addetto</translation>
        </message>
        <message>
            <source>manager</source>
            <translation>responsabile</translation>
        </message>
        <message>
            <source>Selling</source>
            <translation>La vendita</translation>
        </message>
        <message>
            <source>A discount</source>
            <translation>Uno sconto</translation>
        </message>
        <message>
            <source>Changing a price</source>
            <translation>La modifica di un prezzo</translation>
        </message>
        <message>
            <source>A quantity above the limit</source>
            <translation>Una quantità oltre il limite</translation>
        </message>
        <message>
            <source>Removing a line</source>
            <translation>La rimozione di una riga</translation>
        </message>
        <message>
            <source>Suspending a sale</source>
            <translation>La sospensione di una vendita</translation>
        </message>
        <message>
            <source>Voiding the sale</source>
            <translation>L'annullamento della vendita</translation>
        </message>
        <message>
            <source>Opening the drawer without a sale</source>
            <translation>L'apertura del cassetto senza vendita</translation>
        </message>
        <message>
            <source>A refund</source>
            <translation>Un rimborso</translation>
        </message>
        <message>
            <source>A return without a receipt</source>
            <translation>Un reso senza scontrino</translation>
        </message>
        <message>
            <source>A return the backend cannot check</source>
            <translation>Un reso che il backend non può verificare</translation>
        </message>
        <message>
            <source>Handing over an order</source>
            <translation>La consegna di un ordine</translation>
        </message>
        <message>
            <source>Looking up a member</source>
            <translation>La ricerca di un socio</translation>
        </message>
        <message>
            <source>Reprinting a receipt</source>
            <translation>La ristampa di uno scontrino</translation>
        </message>
        <message>
            <source>Opening the till</source>
            <translation>L'apertura della cassa</translation>
        </message>
        <message>
            <source>Closing the till</source>
            <translation>La chiusura della cassa</translation>
        </message>
        <message>
            <source>Reports</source>
            <translation>I report</translation>
        </message>
        <message>
            <source>Approving for someone else</source>
            <translation>L'approvazione per un'altra persona</translation>
        </message>
        <message>
            <source>Changing settings</source>
            <translation>La modifica delle impostazioni</translation>
        </message>
        <message>
            <source>Discount {percent}</source>
            <translation>Sconto {percent}</translation>
        </message>
        <message>
            <source>{what} needs a manager</source>
            <translation>{what}: serve un responsabile</translation>
        </message>
        <message>
            <source>Welcome, {name}.</source>
            <translation>Benvenuto/a, {name}.</translation>
        </message>
        <message>
            <source>A PIN is 4 to 8 digits.</source>
            <translation>Un PIN ha da 4 a 8 cifre.</translation>
        </message>
        <message>
            <source>A manager's PIN needs at least 6 digits here. Set a longer one (omo-pos staff set-pin).</source>
            <translation>Qui il PIN di un responsabile deve avere almeno 6 cifre. Impostane uno più lungo (omo-pos staff set-pin).</translation>
        </message>
        <message>
            <source>Too many wrong PINs. Try again in {wait}, or ask a manager.</source>
            <translation>Troppi PIN errati. Riprova tra {wait} o chiedi a un responsabile.</translation>
        </message>
        <message>
            <source>Wrong PIN. 1 try left.</source>
            <translation>PIN errato. Resta 1 tentativo.</translation>
        </message>
        <message>
            <source>Wrong PIN. {left} tries left.</source>
            <translation>PIN errato. Restano {left} tentativi.</translation>
        </message>
        <message>
            <source>1 second</source>
            <translation>1 secondo</translation>
        </message>
        <message>
            <source>{seconds} seconds</source>
            <translation>{seconds} secondi</translation>
        </message>
        <message>
            <source>{minutes} min {seconds} s</source>
            <translation>{minutes} min {seconds} s</translation>
        </message>
        <message>
            <source>Approved by {name}.</source>
            <translation>Approvato da {name}.</translation>
        </message>
        <message>
            <source>{name} ({role}) cannot approve this. A manager must enter their PIN.</source>
            <translation>{name} ({role}) non può approvarlo. Un responsabile deve inserire il proprio PIN.</translation>
        </message>
        <message>
            <source>Type a reason first.</source>
            <translation>Scrivi prima un motivo.</translation>
        </message>
        <message>
            <source>{what} needs a manager's approval; nothing changed.</source>
            <translation>{what} richiede l'approvazione di un responsabile; nulla è cambiato.</translation>
        </message>
        <message>
            <source>{value!r} is not one of {choices}.</source>
            <translation>{value!r} non è uno tra {choices}.</translation>
        </message>
        <message>
            <source>{locale!r} is not a known locale (for example 'it_IT', 'ja_JP').</source>
            <translation>{locale!r} non è una località conosciuta (per esempio 'it_IT', 'ja_JP').</translation>
        </message>
        <message>
            <source>expects true or false, got {value!r}.</source>
            <translation>richiede true o false, ricevuto {value!r}.</translation>
        </message>
        <message>
            <source>expects a whole number &gt;= 1, got {value!r}.</source>
            <translation>richiede un numero intero &gt;= 1, ricevuto {value!r}.</translation>
        </message>
        <message>
            <source>the store needs at least one tax rate (0% counts).</source>
            <translation>il negozio ha bisogno di almeno un'aliquota (anche 0% vale).</translation>
        </message>
        <message>
            <source>{rate!r} is not a tax rate.</source>
            <translation>{rate!r} non è un'aliquota.</translation>
        </message>
        <message>
            <source>the tax code {code!r} appears twice.</source>
            <translation>il codice d'imposta {code!r} compare due volte.</translation>
        </message>
        <message>
            <source>The store settings must be a table, got {kind}.</source>
            <translation>Le impostazioni del negozio devono essere una tabella, ricevuto {kind}.</translation>
        </message>
        <message>
            <source>Unknown store setting(s): {names}.</source>
            <translation>Impostazioni del negozio sconosciute: {names}.</translation>
        </message>
        <message>
            <source>missing: every store needs it.</source>
            <translation>manca: ogni negozio ne ha bisogno.</translation>
        </message>
        <message>
            <source>expects a list of {code, percent, label} tables.</source>
            <translation>richiede un elenco di tabelle {code, percent, label}.</translation>
        </message>
        <message>
            <source>a store without a preset needs its tax rates (for example STANDARD=8.875; ZERO=0).</source>
            <translation>un negozio senza preimpostazione ha bisogno delle sue aliquote (per esempio STANDARD=8.875; ZERO=0).</translation>
        </message>
        <message>
            <source>there is no preset {preset!r}. Choose one of {presets}, or none and give the store's own tax rates.</source>
            <translation>non esiste la preimpostazione {preset!r}. Scegline una tra {presets}, oppure none e indica le aliquote del negozio.</translation>
        </message>
        <message>
            <source>the preset {preset} is for a store in {preset_country}, not in {country} (the store's country).</source>
            <translation>la preimpostazione {preset} è per un negozio in {preset_country}, non in {country} (il paese del negozio).</translation>
        </message>
        <message>
            <source>fewer are left to return on that sale than asked</source>
            <translation>su quella vendita resta da rendere meno di quanto richiesto</translation>
        </message>
        <message>
            <source>the refund is more than what is left of that sale's payment</source>
            <translation>il rimborso supera quanto resta del pagamento di quella vendita</translation>
        </message>
        <message>
            <source>this return was claimed with other lines</source>
            <translation>questo reso è stato richiesto con altre righe</translation>
        </message>
        <message>
            <source>this return was given up; start it again</source>
            <translation>questo reso è stato abbandonato; ricomincialo</translation>
        </message>
        <message>
            <source>this return was completed; it cannot be given up</source>
            <translation>questo reso è stato completato; non si può abbandonare</translation>
        </message>
        <message>
            <source>it is in another currency</source>
            <translation>è in un'altra valuta</translation>
        </message>
        <message>
            <source>this store credit payment was made before for another amount</source>
            <translation>questo pagamento con buono è già stato fatto per un altro importo</translation>
        </message>
        <message>
            <source>this store credit payment was given back; make a new one</source>
            <translation>questo pagamento con buono è stato restituito; fanne uno nuovo</translation>
        </message>
        <message>
            <source>the sale this store credit paid is recorded already</source>
            <translation>la vendita pagata con questo buono è già registrata</translation>
        </message>
        <message>
            <source>not enough is left on this store credit</source>
            <translation>su questo buono non resta abbastanza</translation>
        </message>
        <message>
            <source>not enough left to promise there</source>
            <translation>lì non ne resta abbastanza da promettere</translation>
        </message>
        <message>
            <source>this request was used for another order</source>
            <translation>questa richiesta è stata usata per un altro ordine</translation>
        </message>
        <message>
            <source>the order is paid already</source>
            <translation>l'ordine è già pagato</translation>
        </message>
        <message>
            <source>the order is not paid yet</source>
            <translation>l'ordine non è ancora pagato</translation>
        </message>
        <message>
            <source>Tax rate {code!r}</source>
            <translation>Aliquota {code!r}</translation>
        </message>
        <message>
            <source>{what}: {value!r} is not a percent.</source>
            <translation>{what}: {value!r} non è una percentuale.</translation>
        </message>
        <message>
            <source>{what}: write the percent exactly, as text or a whole number (percent = "8.875"), not {value!r}.</source>
            <translation>{what}: scrivi la percentuale in modo esatto, come testo o numero intero (percent = "8.875"), non {value!r}.</translation>
        </message>
        <message>
            <source>{what}: {percent} is not a valid percent (0 to under {most}).</source>
            <translation>{what}: {percent} non è una percentuale valida (da 0 a meno di {most}).</translation>
        </message>
        <message>
            <source>{what}: {percent:f}% has more decimals than the till keeps (at most {decimals}).</source>
            <translation>{what}: {percent:f}% ha più decimali di quanti ne tenga la cassa (al massimo {decimals}).</translation>
        </message>
        <message>
            <source>A tax rate needs a code, got {code!r}.</source>
            <translation>Un'aliquota ha bisogno di un codice, ricevuto {code!r}.</translation>
        </message>
        <message>
            <source>A tax rate needs a code and a percent, got {data!r}.</source>
            <translation>Un'aliquota ha bisogno di un codice e di una percentuale, ricevuto {data!r}.</translation>
        </message>
        <message>
            <source>{entry!r} is not CODE=PERCENT (for example STANDARD=8.875).</source>
            <translation>{entry!r} non è CODICE=PERCENTUALE (per esempio STANDARD=8.875).</translation>
        </message>
        <message>
            <source>{value} is not a note or coin of {currency}.</source>
            <translation>{value} non è una banconota o moneta in {currency}.</translation>
        </message>
        <message>
            <source>A count cannot be negative.</source>
            <translation>Un conteggio non può essere negativo.</translation>
        </message>
        <message>
            <source>The card reader is busy (updating, or a card is still in it). Wait until it is free, then press Pay again.</source>
            <translation>Il lettore di carte è occupato (aggiornamento in corso, o una carta è ancora inserita). Attendi che sia libero, poi premi di nuovo Paga.</translation>
        </message>
        <message>
            <source>The card reader is offline. Check its power and network cable or Wi-Fi, or take another tender.</source>
            <translation>Il lettore di carte è offline. Controlla l'alimentazione e il cavo di rete o il Wi-Fi, oppure accetta un altro metodo di pagamento.</translation>
        </message>
        <message>
            <source>The card reader did not answer in time. Checking whether the payment went through…</source>
            <translation>Il lettore di carte non ha risposto in tempo. Verifico se il pagamento è andato a buon fine…</translation>
        </message>
        <message>
            <source>The card reader reported a fault. Restart it, or take another tender.</source>
            <translation>Il lettore di carte ha segnalato un guasto. Riavvialo, oppure accetta un altro metodo di pagamento.</translation>
        </message>
        <message>
            <source>Stripe refused this till's key (revoked or expired). Card payments are off: take cash, and ask a manager to install a new key.</source>
            <translation>Stripe ha rifiutato la chiave di questa cassa (revocata o scaduta). I pagamenti con carta sono disattivati: accetta contanti e chiedi a un responsabile di installare una nuova chiave.</translation>
        </message>
        <message>
            <source>The card reader {reader} is no longer in this store's Stripe account (deleted or never registered). Card payments are off: take cash, and ask a manager to pick another reader (omo-pos reader list) and set it as stripe.reader_id.</source>
            <translation>Il lettore di carte {reader} non è più nell'account Stripe di questo negozio (eliminato o mai registrato). I pagamenti con carta sono disattivati: accetta contanti e chiedi a un responsabile di scegliere un altro lettore (omo-pos reader list) e di impostarlo come stripe.reader_id.</translation>
        </message>
        <message>
            <source>This till's Stripe key is not allowed to do this. Card payments are off: take cash, and ask a manager to fix the key's permissions.</source>
            <translation>La chiave Stripe di questa cassa non è autorizzata a farlo. I pagamenti con carta sono disattivati: accetta contanti e chiedi a un responsabile di correggere i permessi della chiave.</translation>
        </message>
        <message>
            <source>This till holds a full live secret key. A manager must install a restricted key (rk_…) or explicitly allow the secret key.</source>
            <translation>Questa cassa contiene una chiave segreta live completa. Un responsabile deve installare una chiave limitata (rk_…) o consentire esplicitamente la chiave segreta.</translation>
        </message>
        <message>
            <source>The Stripe key in the keyring is not a Stripe API key. Ask a manager.</source>
            <translation>La chiave nel portachiavi non è una chiave API Stripe. Chiedi a un responsabile.</translation>
        </message>
        <message>
            <source>The system keyring is not available, so the Stripe key cannot be read. Card payments are off; ask a manager.</source>
            <translation>Il portachiavi di sistema non è disponibile, quindi la chiave Stripe non si può leggere. I pagamenti con carta sono disattivati; chiedi a un responsabile.</translation>
        </message>
        <message>
            <source>No Stripe key is set up on this till. Card payments are off; ask a manager.</source>
            <translation>Su questa cassa non è configurata alcuna chiave Stripe. I pagamenti con carta sono disattivati; chiedi a un responsabile.</translation>
        </message>
        <message>
            <source>Stripe is overloaded right now. Try again in a moment, or take cash.</source>
            <translation>Stripe è sovraccarico in questo momento. Riprova tra poco, oppure accetta contanti.</translation>
        </message>
        <message>
            <source>The payment request clashed with an earlier one. Call a manager.</source>
            <translation>La richiesta di pagamento è in conflitto con una precedente. Chiama un responsabile.</translation>
        </message>
        <message>
            <source>Stripe refused the request ({code}). Take another tender or call a manager.</source>
            <translation>Stripe ha rifiutato la richiesta ({code}). Accetta un altro metodo di pagamento o chiama un responsabile.</translation>
        </message>
        <message>
            <source>Card payments are unavailable: the store's connection to the chain's payment service is down. Take cash or another tender.</source>
            <translation>I pagamenti con carta non sono disponibili: il collegamento del negozio al servizio di pagamento della catena è interrotto. Accetta contanti o un altro metodo di pagamento.</translation>
        </message>
        <message>
            <source>Card payments are slow: the chain's payment service is busy and did not take this request in time. Press Pay again in a moment, or take cash or another tender.</source>
            <translation>Pagamenti con carta lenti: il servizio di pagamento della catena è occupato e non ha accettato questa richiesta in tempo. Premi di nuovo Paga tra un momento, oppure accetta contanti o un altro mezzo di pagamento.</translation>
        </message>
        <message>
            <source>The backend does not know what was asked for ({what}).</source>
            <translation>Il backend non conosce ciò che è stato chiesto ({what}).</translation>
        </message>
        <message>
            <source>The till cannot read its backend device token from the system keyring. Ask a manager to check the till's set-up.</source>
            <translation>La cassa non riesce a leggere il suo token del backend dal portachiavi di sistema. Chiedi a un responsabile di controllare la configurazione della cassa.</translation>
        </message>
        <message>
            <source>This till has no backend device token yet. Ask a manager to register the till.</source>
            <translation>Questa cassa non ha ancora un token del backend. Chiedi a un responsabile di registrare la cassa.</translation>
        </message>
        <message>
            <source>The OMO backend's certificate could not be verified, so the till will not talk to it. Ask a manager to check the backend address and certificate. Sales are kept.</source>
            <translation>Non è stato possibile verificare il certificato del backend OMO, quindi la cassa non comunica con esso. Chiedi a un responsabile di controllare indirizzo e certificato del backend. Le vendite sono conservate.</translation>
        </message>
        <message>
            <source>The OMO backend cannot be reached. Sales are kept and sent later.</source>
            <translation>Il backend OMO non è raggiungibile. Le vendite sono conservate e inviate più tardi.</translation>
        </message>
        <message>
            <source>The connection to the OMO backend broke off. It will be retried.</source>
            <translation>La connessione al backend OMO si è interrotta. Verrà ritentata.</translation>
        </message>
        <message>
            <source>The OMO backend had a problem (HTTP {status}).</source>
            <translation>Il backend OMO ha avuto un problema (HTTP {status}).</translation>
        </message>
        <message>
            <source>The OMO backend sent an unreadable answer. It will be retried.</source>
            <translation>Il backend OMO ha inviato una risposta illeggibile. Verrà ritentato.</translation>
        </message>
        <message>
            <source>The OMO backend gave an unexpected answer (HTTP {status}).</source>
            <translation>Il backend OMO ha dato una risposta inattesa (HTTP {status}).</translation>
        </message>
        <message>
            <source>The OMO backend sent an answer this till does not understand.</source>
            <translation>Il backend OMO ha inviato una risposta che questa cassa non capisce.</translation>
        </message>
        <message>
            <source>The OMO backend does not accept this till's device token (it was revoked). Ask a manager to register the till again. Sales are kept.</source>
            <translation>Il backend OMO non accetta il token di questa cassa (è stato revocato). Chiedi a un responsabile di registrare di nuovo la cassa. Le vendite sono conservate.</translation>
        </message>
        <message>
            <source>The OMO backend does not accept this till's device token. Ask a manager to register the till again. Sales are kept.</source>
            <translation>Il backend OMO non accetta il token di questa cassa. Chiedi a un responsabile di registrare di nuovo la cassa. Le vendite sono conservate.</translation>
        </message>
        <message>
            <source>The OMO backend refused the request: {why}</source>
            <translation>Il backend OMO ha rifiutato la richiesta: {why}</translation>
        </message>
        <message>
            <source>The OMO backend is busy or has a problem (HTTP {status}).</source>
            <translation>Il backend OMO è occupato o ha un problema (HTTP {status}).</translation>
        </message>
        <message>
            <source>The OMO backend's answer does not match the events sent. It will be retried.</source>
            <translation>La risposta del backend OMO non corrisponde agli eventi inviati. Verrà ritentato.</translation>
        </message>
        <message>
            <source>The OMO backend's copy of this till's audit log differs from this till's.</source>
            <translation>La copia del registro di audit di questa cassa sul backend OMO è diversa da quella della cassa.</translation>
        </message>
        <message>
            <source>Another sync worker is already sending this till's sales ({folder}). Only one may run at a time.</source>
            <translation>Un altro processo di sincronizzazione sta già inviando le vendite di questa cassa ({folder}). Ne può girare uno solo alla volta.</translation>
        </message>
        <message>
            <source>The OMO backend cannot be reached.</source>
            <translation>Il backend OMO non è raggiungibile.</translation>
        </message>
        <message>
            <source>The OMO backend cannot be reached: search by name needs it.</source>
            <translation>Il backend OMO non è raggiungibile: la ricerca per nome ne ha bisogno.</translation>
        </message>
    </context>
    <context>
        <name>CameraDock</name>
        <message>
            <source>Camera</source>
            <translation>Webcam</translation>
        </message>
    </context>
    <context>
        <name>CardPanel</name>
        <message>
            <source>Starting the payment…</source>
            <translation>Avvio del pagamento…</translation>
        </message>
        <message>
            <source>Ask the customer to tap, insert or swipe their card</source>
            <translation>Chiedi al cliente di avvicinare, inserire o strisciare la carta</translation>
        </message>
        <message>
            <source>Processing — keep the card on the reader</source>
            <translation>Elaborazione — tenere la carta sul lettore</translation>
        </message>
        <message>
            <source>Payment taken, finishing…</source>
            <translation>Pagamento ricevuto, completamento…</translation>
        </message>
        <message>
            <source>Approved</source>
            <translation>Approvato</translation>
        </message>
        <message>
            <source>Declined</source>
            <translation>Rifiutato</translation>
        </message>
        <message>
            <source>Card payment not possible</source>
            <translation>Pagamento con carta non possibile</translation>
        </message>
        <message>
            <source>Cancelling…</source>
            <translation>Annullamento…</translation>
        </message>
        <message>
            <source>Cancel payment (Esc)</source>
            <translation>Annulla pagamento (Esc)</translation>
        </message>
        <message>
            <source>Back to the sale (Esc)</source>
            <translation>Torna alla vendita (Esc)</translation>
        </message>
        <message>
            <source>Asking the reader to stop. If the card was already tapped, the payment result decides.</source>
            <translation>Richiesta di arresto al lettore. Se la carta è già stata avvicinata, decide l'esito del pagamento.</translation>
        </message>
    </context>
    <context>
        <name>CartModel</name>
        <message>
            <source>Item</source>
            <translation>Articolo</translation>
        </message>
        <message>
            <source>Qty</source>
            <translation>Qtà</translation>
        </message>
        <message>
            <source>Price</source>
            <translation>Prezzo</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>Totale</translation>
        </message>
    </context>
    <context>
        <name>CashDialog</name>
        <message>
            <source>Cash</source>
            <translation>Contanti</translation>
        </message>
        <message>
            <source>Due in cash: {amount}</source>
            <translation>Da pagare in contanti: {amount}</translation>
        </message>
        <message>
            <source>Exact {amount}</source>
            <translation>Esatto {amount}</translation>
        </message>
        <message>
            <source>Amount given by the customer</source>
            <translation>Importo dato dal cliente</translation>
        </message>
        <message>
            <source>Take cash (Enter)</source>
            <translation>Incassa (Invio)</translation>
        </message>
        <message>
            <source>Back (Esc)</source>
            <translation>Indietro (Esc)</translation>
        </message>
        <message>
            <source>Enter the amount given</source>
            <translation>Inserisci l'importo ricevuto</translation>
        </message>
        <message>
            <source>That is not an amount</source>
            <translation>Non è un importo</translation>
        </message>
        <message>
            <source>Short by {amount}</source>
            <translation>Mancano {amount}</translation>
        </message>
        <message>
            <source>Change: {amount}</source>
            <translation>Resto: {amount}</translation>
        </message>
    </context>
    <context>
        <name>CheckoutPage</name>
        <message>
            <source>Scan or search (F2)</source>
            <translation>Scansiona o cerca (F2)</translation>
        </message>
        <message>
            <source>Card</source>
            <translation>Carta</translation>
        </message>
        <message>
            <source>Cash</source>
            <translation>Contanti</translation>
        </message>
        <message>
            <source>Split</source>
            <translation>Dividi</translation>
        </message>
        <message>
            <source>Discount</source>
            <translation>Sconto</translation>
        </message>
        <message>
            <source>Qty</source>
            <translation>Qtà</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Rimuovi</translation>
        </message>
        <message>
            <source>Suspend</source>
            <translation>Sosp.</translation>
        </message>
        <message>
            <source>Resume</source>
            <translation>Riapri</translation>
        </message>
        <message>
            <source>Void</source>
            <translation>Storno</translation>
        </message>
        <message>
            <source>No sale</source>
            <translation>Cassetto</translation>
        </message>
        <message>
            <source>Line disc.</source>
            <translation>Sc. riga</translation>
        </message>
        <message>
            <source>Price</source>
            <translation>Prezzo</translation>
        </message>
        <message>
            <source>Reprint</source>
            <translation>Copia</translation>
        </message>
        <message>
            <source>Member</source>
            <translation>Socio</translation>
        </message>
        <message>
            <source>Select a line or a search result first.</source>
            <translation>Seleziona prima una riga o un risultato di ricerca.</translation>
        </message>
        <message>
            <source>Select a line first (arrow keys or tap it).</source>
            <translation>Seleziona prima una riga (frecce o toccala).</translation>
        </message>
        <message>
            <source>No member on this sale — scan the member's app QR, or Ctrl+M to type it</source>
            <translation>Nessun socio su questa vendita — scansiona il QR dell'app del socio, o Ctrl+M per digitarlo</translation>
        </message>
    </context>
    <context>
        <name>CloseDialog</name>
        <message>
            <source>Close the till</source>
            <translation>Chiudi la cassa</translation>
        </message>
        <message>
            <source>Why the difference? (kept with the closure)</source>
            <translation>Perché la differenza? (conservato con la chiusura)</translation>
        </message>
    </context>
    <context>
        <name>CountDialog</name>
        <message>
            <source>Done</source>
            <translation>Fatto</translation>
        </message>
        <message>
            <source>Total: {amount}</source>
            <translation>Totale: {amount}</translation>
        </message>
    </context>
    <context>
        <name>EnrolDialog</name>
        <message>
            <source>New member</source>
            <translation>Nuovo socio</translation>
        </message>
        <message>
            <source>First name</source>
            <translation>Nome</translation>
        </message>
        <message>
            <source>Last name</source>
            <translation>Cognome</translation>
        </message>
        <message>
            <source>E-mail</source>
            <translation>E-mail</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Telefono</translation>
        </message>
        <message>
            <source>An e-mail address or a phone number is enough. Ask the customer for each choice:</source>
            <translation>Basta un indirizzo e-mail o un numero di telefono. Chiedi al cliente ogni scelta:</translation>
        </message>
        <message>
            <source>Offers and news by e-mail or SMS</source>
            <translation>Offerte e novità via e-mail o SMS</translation>
        </message>
        <message>
            <source>Use my purchases and views for suggestions in the shop and the app</source>
            <translation>Usare i miei acquisti e le visualizzazioni per suggerimenti in negozio e nell'app</translation>
        </message>
        <message>
            <source>Receipts by e-mail</source>
            <translation>Scontrini via e-mail</translation>
        </message>
        <message>
            <source>Enrol</source>
            <translation>Iscrivi</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Annulla</translation>
        </message>
    </context>
    <context>
        <name>LoginScreen</name>
        <message>
            <source>Type or tap your PIN, then Enter</source>
            <translation>Digita o tocca il tuo PIN, poi Invio</translation>
        </message>
        <message>
            <source>OMO POS</source>
            <translation>OMO POS</translation>
        </message>
        <message>
            <source>Log in</source>
            <translation>Accedi</translation>
        </message>
        <message>
            <source>Staff PIN</source>
            <translation>PIN del personale</translation>
        </message>
        <message>
            <source>Enter your staff PIN</source>
            <translation>Inserisci il tuo PIN</translation>
        </message>
        <message>
            <source>Locked. {name}, or anyone on staff: enter your PIN</source>
            <translation>Bloccata. {name}, o chiunque del personale: inserisci il PIN</translation>
        </message>
        <message>
            <source>Too many wrong PINs. Try again in {wait}, or ask a manager.</source>
            <translation>Troppi PIN errati. Riprova tra {wait} o chiedi a un responsabile.</translation>
        </message>
        <message>
            <source>You can try again now.</source>
            <translation>Ora puoi riprovare.</translation>
        </message>
        <message>
            <source>Checking…</source>
            <translation>Verifica…</translation>
        </message>
        <message>
            <source>The PIN could not be checked. Try again, or call a manager.</source>
            <translation>Impossibile verificare il PIN. Riprova o chiama un responsabile.</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>OMO POS — {store} — till {till}</source>
            <translation>OMO POS — {store} — cassa {till}</translation>
        </message>
        <message>
            <source>Opening the till…</source>
            <translation>Apertura della cassa…</translation>
        </message>
        <message>
            <source>Sell</source>
            <translation>Vendi</translation>
        </message>
        <message>
            <source>Till</source>
            <translation>Cassa</translation>
        </message>
        <message>
            <source>Members</source>
            <translation>Soci</translation>
        </message>
        <message>
            <source>Returns &amp; pickups</source>
            <translation>Resi e ritiri</translation>
        </message>
        <message>
            <source>Stock</source>
            <translation>Giacenze</translation>
        </message>
        <message>
            <source>The till cannot start:

{error}

Nothing was changed. Call a manager.</source>
            <translation>La cassa non può partire:

{error}

Non è stato modificato nulla. Chiama un responsabile.</translation>
        </message>
        <message>
            <source>The sale that was open when the till stopped is back. Carry on.</source>
            <translation>La vendita aperta quando la cassa si è fermata è stata ripristinata. Continua pure.</translation>
        </message>
        <message numerus="yes">
            <source>%n card payments interrupted by a stop were settled with Stripe; a manager will see them flagged.</source>
            <translation>
                <numerusform>%n pagamento con carta interrotto da un arresto è stato regolato con Stripe; un responsabile lo vedrà segnalato.</numerusform>
                <numerusform>%n pagamenti con carta interrotti da un arresto sono stati regolati con Stripe; un responsabile li vedrà segnalati.</numerusform>
            </translation>
        </message>
        <message>
            <source>A manager can correct it on the Till page ({key}).</source>
            <translation>Un responsabile può correggerlo nella pagina Cassa ({key}).</translation>
        </message>
        <message>
            <source>A manager can correct it on the Till page.</source>
            <translation>Un responsabile può correggerlo nella pagina Cassa.</translation>
        </message>
        <message>
            <source>Log in first, then scan again.</source>
            <translation>Accedi prima, poi scansiona di nuovo.</translation>
        </message>
        <message>
            <source>Finish or close the open window first, then scan again.</source>
            <translation>Completa o chiudi prima la finestra aperta, poi scansiona di nuovo.</translation>
        </message>
    </context>
    <context>
        <name>MemberSalePresenter</name>
        <message>
            <source>points: Shift+F10</source>
            <translation>punti: Shift+F10</translation>
        </message>
        <message>
            <source>Offers: {n}, −{amount} (Ctrl+K) · points: Shift+F10</source>
            <translation>Offerte: {n}, −{amount} (Ctrl+K) · punti: Shift+F10</translation>
        </message>
        <message>
            <source>No coupon or promotion for this sale.</source>
            <translation>Nessun coupon o promozione per questa vendita.</translation>
        </message>
        <message>
            <source>✓ {name} −{amount} (take it off)</source>
            <translation>✓ {name} −{amount} (toglilo)</translation>
        </message>
        <message>
            <source>✗ {name} (put it back)</source>
            <translation>✗ {name} (rimettilo)</translation>
        </message>
        <message>
            <source>Coupons and promotions</source>
            <translation>Coupon e promozioni</translation>
        </message>
        <message>
            <source>Applied by themselves. Pick one to take it off or put it back:</source>
            <translation>Applicati in automatico. Scegline uno per toglierlo o rimetterlo:</translation>
        </message>
        <message>
            <source>Attach the member first: points pay only for their own sale.</source>
            <translation>Prima associa il socio: i punti pagano solo i suoi acquisti.</translation>
        </message>
        <message>
            <source>{points} points</source>
            <translation>{points} punti</translation>
        </message>
        <message>
            <source>Type the number of points, e.g. 500.</source>
            <translation>Digita il numero di punti, per es. 500.</translation>
        </message>
        <message>
            <source>Checking the member's points…</source>
            <translation>Verifica dei punti del socio…</translation>
        </message>
        <message>
            <source>Pay with points</source>
            <translation>Paga con i punti</translation>
        </message>
        <message>
            <source>Points to redeem (due {due}; {have}):</source>
            <translation>Punti da usare (da pagare {due}; {have}):</translation>
        </message>
        <message>
            <source>Handing the cart over…</source>
            <translation>Passaggio del carrello…</translation>
        </message>
        <message>
            <source>{shop} here ({app} in the app) · added</source>
            <translation>{shop} qui ({app} nell'app) · aggiunto</translation>
        </message>
        <message>
            <source>out of stock here · tap to add one the customer holds</source>
            <translation>esaurito qui · tocca per aggiungere quello che il cliente ha in mano</translation>
        </message>
        <message>
            <source>not sold in this shop</source>
            <translation>non venduto in questo negozio</translation>
        </message>
    </context>
    <context>
        <name>MembersPage</name>
        <message>
            <source>Scan the member's code, or type a number, name, phone or e-mail</source>
            <translation>Scansiona il codice del socio, o digita numero, nome, telefono o e-mail</translation>
        </message>
        <message>
            <source>&amp;Find</source>
            <translation>&amp;Trova</translation>
        </message>
        <message>
            <source>&amp;New member</source>
            <translation>&amp;Nuovo socio</translation>
        </message>
        <message>
            <source>&amp;Check in</source>
            <translation>&amp;Check-in</translation>
        </message>
        <message>
            <source>Take &amp;back</source>
            <translation>&amp;Rendi</translation>
        </message>
        <message>
            <source>Open the selected recent order in Returns &amp; pickups</source>
            <translation>Apri l'ordine recente selezionato in Resi e ritiri</translation>
        </message>
        <message>
            <source>Coupons</source>
            <translation>Coupon</translation>
        </message>
        <message>
            <source>Recent orders</source>
            <translation>Ordini recenti</translation>
        </message>
        <message>
            <source>Recently viewed online</source>
            <translation>Visti di recente online</translation>
        </message>
        <message>
            <source>Suggestions</source>
            <translation>Suggerimenti</translation>
        </message>
        <message>
            <source>No member open</source>
            <translation>Nessun socio aperto</translation>
        </message>
        <message>
            <source>Enter or a double tap adds it to the sale</source>
            <translation>Invio o un doppio tocco lo aggiunge alla vendita</translation>
        </message>
    </context>
    <context>
        <name>MembersPresenter</name>
        <message>
            <source>Looking up…</source>
            <translation>Ricerca…</translation>
        </message>
        <message>
            <source>Added to the sale: {name}. The sale is on Sell (Alt+1).</source>
            <translation>Aggiunto alla vendita: {name}. La vendita è in Vendi (Alt+1).</translation>
        </message>
        <message>
            <source>{name} · {tier} · no. {no} {hint}</source>
            <translation>{name} · {tier} · n. {no} {hint}</translation>
        </message>
        <message>
            <source>{name} · {tier} · no. {no}</source>
            <translation>{name} · {tier} · n. {no}</translation>
        </message>
        <message>
            <source>{points} points</source>
            <translation>{points} punti</translation>
        </message>
        <message>
            <source>(provisional: from this till's cache, the backend cannot be reached)</source>
            <translation>(provvisorio: dalla cache di questa cassa, il backend non è raggiungibile)</translation>
        </message>
        <message>
            <source>(provisional: {n:+} not yet synced)</source>
            <translation>(provvisorio: {n:+} non ancora sincronizzati)</translation>
        </message>
        <message>
            <source>checked in today</source>
            <translation>check-in fatto oggi</translation>
        </message>
        <message>
            <source>Found without the member's code: only what checkout needs. Scan their code for more.</source>
            <translation>Trovato senza il codice del socio: solo ciò che serve alla cassa. Scansiona il suo codice per vedere di più.</translation>
        </message>
        <message>
            <source>The member has not consented to personalisation: only what checkout needs.</source>
            <translation>Il socio non ha acconsentito alla personalizzazione: solo ciò che serve alla cassa.</translation>
        </message>
        <message>
            <source>{title} ({off} off)</source>
            <translation>{title} ({off} di sconto)</translation>
        </message>
        <message>
            <source>{date} online, order {ref}: {total} — {items}</source>
            <translation>{date} online, ordine {ref}: {total} — {items}</translation>
        </message>
        <message>
            <source>{date} in store: {total} — {items}</source>
            <translation>{date} in negozio: {total} — {items}</translation>
        </message>
        <message>
            <source>bought together</source>
            <translation>comprati insieme</translation>
        </message>
        <message>
            <source>viewed</source>
            <translation>visti</translation>
        </message>
        <message>
            <source>{name} ({why})</source>
            <translation>{name} ({why})</translation>
        </message>
        <message>
            <source>Your role cannot take goods back.</source>
            <translation>Il tuo ruolo non può accettare resi.</translation>
        </message>
    </context>
    <context>
        <name>NumericKeypad</name>
        <message>
            <source>Delete the last digit (Backspace)</source>
            <translation>Cancella l'ultima cifra (Backspace)</translation>
        </message>
        <message>
            <source>Delete last digit</source>
            <translation>Cancella ultima cifra</translation>
        </message>
        <message>
            <source>Enter</source>
            <translation>Invio</translation>
        </message>
    </context>
    <context>
        <name>OverrideDialog</name>
        <message>
            <source>Manager approval</source>
            <translation>Approvazione del responsabile</translation>
        </message>
        <message>
            <source>Asked by {name} ({role})</source>
            <translation>Chiesto da {name} ({role})</translation>
        </message>
        <message>
            <source>Reason (required) — then Enter</source>
            <translation>Motivo (obbligatorio) — poi Invio</translation>
        </message>
        <message>
            <source>Reason (optional)</source>
            <translation>Motivo (facoltativo)</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Motivo</translation>
        </message>
        <message>
            <source>Manager: enter your PIN to approve</source>
            <translation>Responsabile: inserisci il PIN per approvare</translation>
        </message>
        <message>
            <source>Approve</source>
            <translation>Approva</translation>
        </message>
        <message>
            <source>Manager PIN</source>
            <translation>PIN del responsabile</translation>
        </message>
        <message>
            <source>Cancel (Esc)</source>
            <translation>Annulla (Esc)</translation>
        </message>
        <message>
            <source>Too many wrong PINs. Try again in {wait}.</source>
            <translation>Troppi PIN errati. Riprova tra {wait}.</translation>
        </message>
        <message>
            <source>You can try again now.</source>
            <translation>Ora puoi riprovare.</translation>
        </message>
        <message>
            <source>Checking…</source>
            <translation>Verifica…</translation>
        </message>
        <message>
            <source>The PIN could not be checked. Try again.</source>
            <translation>Impossibile verificare il PIN. Riprova.</translation>
        </message>
    </context>
    <context>
        <name>PickupsPanel</name>
        <message>
            <source>Comes back for it</source>
            <translation>Tornerà a prenderlo</translation>
        </message>
        <message>
            <source>Wrong size or colour</source>
            <translation>Taglia o colore sbagliati</translation>
        </message>
        <message>
            <source>Damaged</source>
            <translation>Danneggiato</translation>
        </message>
        <message>
            <source>Changed mind</source>
            <translation>Ripensamento</translation>
        </message>
        <message>
            <source>Hand over</source>
            <translation>Consegna</translation>
        </message>
        <message>
            <source>Check customer</source>
            <translation>Verifica cliente</translation>
        </message>
        <message>
            <source>Back to stock</source>
            <translation>In magazzino</translation>
        </message>
        <message>
            <source>Refresh list</source>
            <translation>Aggiorna elenco</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Chiudi</translation>
        </message>
        <message>
            <source>Scan the order's QR code or type its number (F2)</source>
            <translation>Scansiona il QR dell'ordine o digitane il numero (F2)</translation>
        </message>
        <message>
            <source>Order</source>
            <translation>Ordine</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>Cliente</translation>
        </message>
        <message>
            <source>Shelf</source>
            <translation>Scaffale</translation>
        </message>
        <message>
            <source>Waiting</source>
            <translation>In attesa</translation>
        </message>
        <message>
            <source>Items</source>
            <translation>Articoli</translation>
        </message>
        <message>
            <source>Pick an order (Enter or double-click) or scan it.</source>
            <translation>Scegli un ordine (Invio o doppio clic) o scansionalo.</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>Articolo</translation>
        </message>
        <message>
            <source>Ordered</source>
            <translation>Ordinati</translation>
        </message>
        <message>
            <source>Give now</source>
            <translation>Da consegnare</translation>
        </message>
        <message>
            <source>Why the rest stays</source>
            <translation>Perché il resto resta</translation>
        </message>
        <message>
            <source>+ / − or a digit: how many are handed over now · Enter: why the rest stays</source>
            <translation>+ / − o una cifra: quanti si consegnano ora · Invio: perché il resto resta</translation>
        </message>
        <message>
            <source>{item}
({n} handed over)</source>
            <translation>{item}
({n} consegnati)</translation>
        </message>
    </context>
    <context>
        <name>PickupsPresenter</name>
        <message>
            <source>Not collected in time — back to stock</source>
            <translation>Non ritirato in tempo — in magazzino</translation>
        </message>
        <message>
            <source>Partly handed over</source>
            <translation>Consegnato in parte</translation>
        </message>
        <message>
            <source>As of {time} (backend)</source>
            <translation>Aggiornato alle {time} (backend)</translation>
        </message>
        <message>
            <source>Order {order} · {customer} · shelf {shelf}{checked}</source>
            <translation>Ordine {order} · {customer} · scaffale {shelf}{checked}</translation>
        </message>
        <message>
            <source>customer checked</source>
            <translation>cliente verificato</translation>
        </message>
        <message>
            <source>check the customer (F4)</source>
            <translation>verifica il cliente (F4)</translation>
        </message>
        <message>
            <source>not collected in time</source>
            <translation>non ritirato in tempo</translation>
        </message>
        <message>
            <source>{n} h</source>
            <translation>{n} h</translation>
        </message>
        <message>
            <source>{n} days</source>
            <translation>{n} giorni</translation>
        </message>
        <message>
            <source>Back to stock</source>
            <translation>In magazzino</translation>
        </message>
        <message>
            <source>Order {order} was not collected: take it back and refund the customer?</source>
            <translation>L'ordine {order} non è stato ritirato: riprenderlo e rimborsare il cliente?</translation>
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
            <translation>Backend: degradato</translation>
        </message>
        <message>
            <source>Backend: offline</source>
            <translation>Backend: offline</translation>
        </message>
        <message>
            <source>Backend: not configured</source>
            <translation>Backend: non configurato</translation>
        </message>
        <message>
            <source>Backend: unknown</source>
            <translation>Backend: sconosciuto</translation>
        </message>
        <message numerus="yes">
            <source>Queue: %n</source>
            <translation>
                <numerusform>Coda: %n</numerusform>
                <numerusform>Coda: %n</numerusform>
            </translation>
        </message>
        <message>
            <source>(oldest {age})</source>
            <translation>(più vecchio {age})</translation>
        </message>
        <message>
            <source>1 needs a manager</source>
            <translation>1 richiede un responsabile</translation>
        </message>
        <message numerus="yes">
            <source>%n need a manager</source>
            <translation>
                <numerusform>%n richiede un responsabile</numerusform>
                <numerusform>%n richiedono un responsabile</numerusform>
            </translation>
        </message>
        <message>
            <source>Card: ready</source>
            <translation>Carta: pronta</translation>
        </message>
        <message>
            <source>Card unavailable: Stripe unreachable, take cash</source>
            <translation>Carta non disponibile: Stripe irraggiungibile, accetta contanti</translation>
        </message>
        <message>
            <source>Card: not set up</source>
            <translation>Carta: non configurata</translation>
        </message>
        <message>
            <source>Card: checking…</source>
            <translation>Carta: verifica…</translation>
        </message>
        <message>
            <source>Reader: online</source>
            <translation>Lettore: online</translation>
        </message>
        <message>
            <source>Reader: busy</source>
            <translation>Lettore: occupato</translation>
        </message>
        <message>
            <source>Reader: offline</source>
            <translation>Lettore: offline</translation>
        </message>
        <message>
            <source>Reader: none</source>
            <translation>Lettore: nessuno</translation>
        </message>
        <message>
            <source>Reader: unknown</source>
            <translation>Lettore: sconosciuto</translation>
        </message>
        <message>
            <source>Catalog sync {pct}</source>
            <translation>Sincronizzazione catalogo {pct}</translation>
        </message>
    </context>
    <context>
        <name>Presenter</name>
        <message>
            <source>That did not work: {error}. Nothing was lost; try again.</source>
            <translation>Non ha funzionato: {error}. Non è andato perso nulla; riprova.</translation>
        </message>
        <message>
            <source>Receipt not printed: {problem} It waits in the print queue.</source>
            <translation>Scontrino non stampato: {problem} Attende nella coda di stampa.</translation>
        </message>
        <message>
            <source>Printer problem: {error}. The receipt is kept.</source>
            <translation>Problema della stampante: {error}. Lo scontrino è conservato.</translation>
        </message>
        <message>
            <source>Not approved; nothing changed.</source>
            <translation>Non approvato; nulla è cambiato.</translation>
        </message>
    </context>
    <context>
        <name>QrDialog</name>
        <message>
            <source>Scan with the OMO app</source>
            <translation>Scansiona con l'app OMO</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Fatto</translation>
        </message>
    </context>
    <context>
        <name>receipt</name>
        <message>
            <source>Receipt {}</source>
            <translation>Scontrino {}</translation>
        </message>
        <message>
            <source>Till {}</source>
            <translation>Cassa {}</translation>
        </message>
        <message>
            <source>Cashier {}</source>
            <translation>Cassiere {}</translation>
        </message>
        <message>
            <source>Member {}</source>
            <translation>Socio {}</translation>
        </message>
        <message>
            <source>Discount</source>
            <translation>Sconto</translation>
        </message>
        <message>
            <source>Subtotal</source>
            <translation>Subtotale</translation>
        </message>
        <message>
            <source>Discounts</source>
            <translation>Sconti</translation>
        </message>
        <message>
            <source>TOTAL</source>
            <translation>TOTALE</translation>
        </message>
        <message>
            <source>Rate</source>
            <translation>Aliquota</translation>
        </message>
        <message>
            <source>Net</source>
            <translation>Imponibile</translation>
        </message>
        <message>
            <source>Tax</source>
            <translation>IVA</translation>
        </message>
        <message>
            <source>Gross</source>
            <translation>Lordo</translation>
        </message>
        <message>
            <source>Auth {}</source>
            <translation>Aut. {}</translation>
        </message>
        <message>
            <source>Cash rounding</source>
            <translation>Arrotondamento contanti</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>Resto</translation>
        </message>
        <message>
            <source>PAYMENT PENDING</source>
            <translation>PAGAMENTO IN SOSPESO</translation>
        </message>
        <message>
            <source>Not a proof of payment</source>
            <translation>Non è una prova di pagamento</translation>
        </message>
        <message>
            <source>COPY</source>
            <translation>COPIA</translation>
        </message>
        <message>
            <source>Duplicate of the original receipt</source>
            <translation>Duplicato dello scontrino originale</translation>
        </message>
        <message>
            <source>REPRINT</source>
            <translation>RISTAMPA</translation>
        </message>
        <message>
            <source>Reprint of the original receipt</source>
            <translation>Ristampa dello scontrino originale</translation>
        </message>
        <message>
            <source>Order {}</source>
            <translation>Ordine {}</translation>
        </message>
        <message>
            <source>Home delivery by {} from {}</source>
            <translation>Consegna a domicilio entro {} da {}</translation>
        </message>
        <message>
            <source>Collect here from {} (from {})</source>
            <translation>Ritiro qui dal {} (da {})</translation>
        </message>
        <message>
            <source>Reserved at {}, collected</source>
            <translation>Prenotato presso {}, ritirato</translation>
        </message>
        <message>
            <source>Scan with the OMO app</source>
            <translation>Scansiona con l'app OMO</translation>
        </message>
        <message>
            <source>to claim this purchase</source>
            <translation>per registrare questo acquisto</translation>
        </message>
        <message>
            <source>Your order: show this code</source>
            <translation>Il tuo ordine: mostra questo codice</translation>
        </message>
        <message>
            <source>to collect it or to ask about it</source>
            <translation>per ritirarlo o per informazioni</translation>
        </message>
        <message>
            <source>Z report {}</source>
            <translation>Rapporto Z {}</translation>
        </message>
        <message>
            <source>Closed by {}</source>
            <translation>Chiusa da {}</translation>
        </message>
        <message>
            <source>NET SALES</source>
            <translation>VENDITE NETTE</translation>
        </message>
        <message>
            <source>Cash</source>
            <translation>Contanti</translation>
        </message>
        <message>
            <source>Card</source>
            <translation>Carta</translation>
        </message>
        <message>
            <source>Points</source>
            <translation>Punti</translation>
        </message>
        <message>
            <source>Points earned: {} (provisional)</source>
            <translation>Punti guadagnati: {} (provvisori)</translation>
        </message>
        <message>
            <source>redeemed: {}</source>
            <translation>usati: {}</translation>
        </message>
        <message>
            <source>Prices include VAT</source>
            <translation>Prezzi IVA inclusa</translation>
        </message>
        <message>
            <source>Thank you for shopping with us</source>
            <translation>Grazie per il tuo acquisto</translation>
        </message>
    </context>
    <context>
        <name>ReceiptDialog</name>
        <message>
            <source>Receipt %s</source>
            <translation>Scontrino %s</translation>
        </message>
        <message>
            <source>&amp;Print…</source>
            <translation>&amp;Stampa…</translation>
        </message>
        <message>
            <source>Save as P&amp;DF…</source>
            <translation>Salva come P&amp;DF…</translation>
        </message>
        <message>
            <source>Save receipt as PDF</source>
            <translation>Salva lo scontrino come PDF</translation>
        </message>
    </context>
    <context>
        <name>ReceiptDock</name>
        <message>
            <source>Receipt</source>
            <translation>Scontrino</translation>
        </message>
        <message>
            <source>Print or save as PDF…</source>
            <translation>Stampa o PDF…</translation>
        </message>
    </context>
    <context>
        <name>ReceiptView</name>
        <message>
            <source>Receipt</source>
            <translation>Scontrino</translation>
        </message>
    </context>
    <context>
        <name>ReturnsPanel</name>
        <message>
            <source>Refund to payment</source>
            <translation>Rimborso al pagamento</translation>
        </message>
        <message>
            <source>Store credit</source>
            <translation>Buono</translation>
        </message>
        <message>
            <source>Exchange</source>
            <translation>Cambio</translation>
        </message>
        <message>
            <source>Check customer</source>
            <translation>Verifica cliente</translation>
        </message>
        <message>
            <source>No receipt</source>
            <translation>Senza scontrino</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation>Svuota</translation>
        </message>
        <message>
            <source>Scan the order or receipt QR, or type its number (F2)</source>
            <translation>Scansiona il QR dell'ordine o dello scontrino, o digitane il numero (F2)</translation>
        </message>
        <message>
            <source>Find</source>
            <translation>Trova</translation>
        </message>
        <message>
            <source>Scan the order's QR code (e-mail or app), a receipt, or a member's app.</source>
            <translation>Scansiona il QR dell'ordine (e-mail o app), uno scontrino o l'app di un socio.</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>Articolo</translation>
        </message>
        <message>
            <source>Bought</source>
            <translation>Acquistati</translation>
        </message>
        <message>
            <source>Left</source>
            <translation>Restanti</translation>
        </message>
        <message>
            <source>Take back</source>
            <translation>Da rendere</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Motivo</translation>
        </message>
        <message>
            <source>Resell</source>
            <translation>Rivendibile</translation>
        </message>
        <message>
            <source>+ / − or a digit: how many come back · Space: resell · Enter: the reason</source>
            <translation>+ / − o una cifra: quanti tornano · Spazio: rivendibile · Invio: il motivo</translation>
        </message>
        <message>
            <source>Complete</source>
            <translation>Completa</translation>
        </message>
        <message>
            <source>Complete, rest as credit</source>
            <translation>Completa, resto in buono</translation>
        </message>
        <message>
            <source>Give up</source>
            <translation>Annulla reso</translation>
        </message>
        <message>
            <source>Retry</source>
            <translation>Riprova</translation>
        </message>
        <message>
            <source>Rest as store credit</source>
            <translation>Resto in buono</translation>
        </message>
        <message>
            <source>Rest in cash</source>
            <translation>Resto in contanti</translation>
        </message>
    </context>
    <context>
        <name>ReturnsPickupsPage</name>
        <message>
            <source>Returns  Ctrl+PgUp</source>
            <translation>Resi  Ctrl+PgUp</translation>
        </message>
        <message>
            <source>Pickups  Ctrl+PgDn</source>
            <translation>Ritiri  Ctrl+PgDn</translation>
        </message>
        <message>
            <source>The scan was cut short ({n} characters arrived): scan the code again.</source>
            <translation>La scansione si è interrotta (arrivati {n} caratteri): scansiona di nuovo il codice.</translation>
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
            <translation>interrotto</translation>
        </message>
        <message>
            <source>Return without a receipt: scan the items (today's prices, store credit).</source>
            <translation>Reso senza scontrino: scansiona gli articoli (prezzi di oggi, in buono).</translation>
        </message>
        <message>
            <source>Order {label}</source>
            <translation>Ordine {label}</translation>
        </message>
        <message>
            <source>Receipt {label}</source>
            <translation>Scontrino {label}</translation>
        </message>
        <message>
            <source>{what} · {when} · paid {paid} ({how}){who}{unverified}</source>
            <translation>{what} · {when} · pagato {paid} ({how}){who}{unverified}</translation>
        </message>
        <message>
            <source>not checked by the backend</source>
            <translation>non verificato dal backend</translation>
        </message>
        <message>
            <source>Customer checked.</source>
            <translation>Cliente verificato.</translation>
        </message>
        <message>
            <source>Found by its number: check the customer first (F4).</source>
            <translation>Trovato dal numero: verifica prima il cliente (F4).</translation>
        </message>
        <message>
            <source>to the card</source>
            <translation>sulla carta</translation>
        </message>
        <message>
            <source>in cash</source>
            <translation>in contanti</translation>
        </message>
        <message>
            <source>as points</source>
            <translation>in punti</translation>
        </message>
        <message>
            <source>as store credit</source>
            <translation>in buono</translation>
        </message>
        <message>
            <source>points −{taken} / +{given}</source>
            <translation>punti −{taken} / +{given}</translation>
        </message>
        <message>
            <source>Refund {total} (tax {tax})</source>
            <translation>Rimborso {total} (IVA {tax})</translation>
        </message>
        <message>
            <source>the customer pays {amount}</source>
            <translation>il cliente paga {amount}</translation>
        </message>
        <message>
            <source>the customer gets {amount} back</source>
            <translation>il cliente riceve {amount}</translation>
        </message>
        <message>
            <source>nothing to pay either way</source>
            <translation>nulla da pagare né da restituire</translation>
        </message>
        <message>
            <source>Exchange from {label}: {items} back, credit {credit}; new items on Sell {new}: {net}.</source>
            <translation>Cambio da {label}: {items} resi, credito {credit}; nuovi articoli in Vendi {new}: {net}.</translation>
        </message>
        <message>
            <source>Wait: a refund is being made.</source>
            <translation>Attendi: è in corso un rimborso.</translation>
        </message>
        <message>
            <source>Opening {ref}…</source>
            <translation>Apertura di {ref}…</translation>
        </message>
        <message>
            <source>online</source>
            <translation>online</translation>
        </message>
        <message>
            <source>in store</source>
            <translation>in negozio</translation>
        </message>
        <message>
            <source>Recent orders</source>
            <translation>Ordini recenti</translation>
        </message>
        <message>
            <source>Which purchase comes back?</source>
            <translation>Quale acquisto viene reso?</translation>
        </message>
        <message>
            <source>Give up</source>
            <translation>Annulla reso</translation>
        </message>
        <message>
            <source>Give this return up? Nothing of it was refunded; the items stay the customer's.</source>
            <translation>Annullare questo reso? Non è stato rimborsato nulla; gli articoli restano al cliente.</translation>
        </message>
        <message>
            <source>Interac: ask the customer to tap their card on the reader for the refund.</source>
            <translation>Interac: chiedi al cliente di avvicinare la carta al lettore per il rimborso.</translation>
        </message>
        <message>
            <source>Their name</source>
            <translation>Il suo nome</translation>
        </message>
        <message>
            <source>Last 4 digits of the card</source>
            <translation>Ultime 4 cifre della carta</translation>
        </message>
        <message>
            <source>The code in their app</source>
            <translation>Il codice nella sua app</translation>
        </message>
        <message>
            <source>Check the customer</source>
            <translation>Verifica il cliente</translation>
        </message>
        <message>
            <source>What does the customer give?</source>
            <translation>Cosa fornisce il cliente?</translation>
        </message>
    </context>
    <context>
        <name>SellPresenter</name>
        <message>
            <source>price changed: {reason}</source>
            <translation>prezzo modificato: {reason}</translation>
        </message>
        <message>
            <source>{rate} on {amount}</source>
            <translation>{rate} su {amount}</translation>
        </message>
        <message>
            <source>{name} · {tier} · no. {no}</source>
            <translation>{name} · {tier} · n. {no}</translation>
        </message>
        <message>
            <source>Member</source>
            <translation>Socio</translation>
        </message>
        <message>
            <source>member</source>
            <translation>socio</translation>
        </message>
        <message>
            <source>{points} points</source>
            <translation>{points} punti</translation>
        </message>
        <message>
            <source>order {order}: delivered by {day}</source>
            <translation>ordine {order}: consegna entro {day}</translation>
        </message>
        <message>
            <source>order {order}: collect here from {day}</source>
            <translation>ordine {order}: ritiro qui dal {day}</translation>
        </message>
        <message>
            <source>reservation {order}</source>
            <translation>prenotazione {order}</translation>
        </message>
        <message>
            <source>{name} · {role} · till {till}</source>
            <translation>{name} · {role} · cassa {till}</translation>
        </message>
        <message>
            <source>The scan was cut short ({n} characters arrived): scan the item again.</source>
            <translation>La scansione si è interrotta (arrivati {n} caratteri): scansiona di nuovo l'articolo.</translation>
        </message>
        <message>
            <source>Quantity</source>
            <translation>Quantità</translation>
        </message>
        <message>
            <source>Quantity of {item}:</source>
            <translation>Quantità di {item}:</translation>
        </message>
        <message>
            <source>Wait: the payment is being finished.</source>
            <translation>Attendi: il pagamento è in fase di completamento.</translation>
        </message>
        <message>
            <source>Member number (from the card or the app):</source>
            <translation>Numero socio (dalla tessera o dall'app):</translation>
        </message>
        <message>
            <source>Discount</source>
            <translation>Sconto</translation>
        </message>
        <message>
            <source>Discount on this line: percent (10%) or amount (2.50)</source>
            <translation>Sconto su questa riga: percentuale (10%) o importo (2,50)</translation>
        </message>
        <message>
            <source>Discount on the whole sale: percent (10%) or amount (2.50)</source>
            <translation>Sconto su tutta la vendita: percentuale (10%) o importo (2,50)</translation>
        </message>
        <message>
            <source>Price override</source>
            <translation>Modifica prezzo</translation>
        </message>
        <message>
            <source>Reason (kept in the audit log):</source>
            <translation>Motivo (conservato nel registro di controllo):</translation>
        </message>
        <message>
            <source>New unit price:</source>
            <translation>Nuovo prezzo unitario:</translation>
        </message>
        <message>
            <source>No sale</source>
            <translation>Non vendita</translation>
        </message>
        <message>
            <source>Why open the drawer? (logged)</source>
            <translation>Perché aprire il cassetto? (registrato)</translation>
        </message>
        <message>
            <source>No suspended sales on this till.</source>
            <translation>Nessuna vendita sospesa su questa cassa.</translation>
        </message>
        <message>
            <source>Resume</source>
            <translation>Riprendi</translation>
        </message>
        <message>
            <source>Which sale?</source>
            <translation>Quale vendita?</translation>
        </message>
    </context>
    <context>
        <name>Shortcuts</name>
        <message>
            <source>Search products</source>
            <translation>Cerca prodotti</translation>
        </message>
        <message>
            <source>Change quantity of the selected line</source>
            <translation>Cambia la quantità della riga selezionata</translation>
        </message>
        <message>
            <source>Discount the selected line</source>
            <translation>Sconto sulla riga selezionata</translation>
        </message>
        <message>
            <source>Discount the whole sale</source>
            <translation>Sconto su tutta la vendita</translation>
        </message>
        <message>
            <source>Override the price of the selected line</source>
            <translation>Modifica il prezzo della riga selezionata</translation>
        </message>
        <message>
            <source>Pay by card on the reader</source>
            <translation>Paga con carta sul lettore</translation>
        </message>
        <message>
            <source>Pay cash</source>
            <translation>Paga in contanti</translation>
        </message>
        <message>
            <source>Split: card for part, cash for the rest</source>
            <translation>Dividi: una parte con carta, il resto in contanti</translation>
        </message>
        <message>
            <source>Suspend the sale</source>
            <translation>Sospendi la vendita</translation>
        </message>
        <message>
            <source>Resume a suspended sale</source>
            <translation>Riprendi una vendita sospesa</translation>
        </message>
        <message>
            <source>Remove the selected line</source>
            <translation>Rimuovi la riga selezionata</translation>
        </message>
        <message>
            <source>Void the sale (manager)</source>
            <translation>Annulla la vendita (responsabile)</translation>
        </message>
        <message>
            <source>Open the drawer without a sale (reason)</source>
            <translation>Apri il cassetto senza vendita (motivo)</translation>
        </message>
        <message>
            <source>Reprint the last receipt</source>
            <translation>Ristampa l'ultimo scontrino</translation>
        </message>
        <message>
            <source>Type a member number</source>
            <translation>Digita un numero socio</translation>
        </message>
        <message>
            <source>Coupons and promotions: take one off or back</source>
            <translation>Coupon e promozioni: togline o rimettine uno</translation>
        </message>
        <message>
            <source>Pay with the member's points</source>
            <translation>Paga con i punti del socio</translation>
        </message>
        <message>
            <source>Hand the cart to the customer's phone (QR)</source>
            <translation>Passa il carrello al telefono del cliente (QR)</translation>
        </message>
        <message>
            <source>Lock the till</source>
            <translation>Blocca la cassa</translation>
        </message>
        <message>
            <source>Stock of the selected line or search result everywhere</source>
            <translation>Giacenze ovunque della riga o del risultato selezionato</translation>
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
            <translation>Demo: sii il cliente e il mondo intorno alla cassa</translation>
        </message>
        <message>
            <source>Card reader</source>
            <translation>Lettore di carte</translation>
        </message>
        <message>
            <source>Tap this card</source>
            <translation>Avvicina questa carta</translation>
        </message>
        <message>
            <source>Decline</source>
            <translation>Rifiuta</translation>
        </message>
        <message>
            <source>Customer cancels</source>
            <translation>Il cliente annulla</translation>
        </message>
        <message>
            <source>Reader times out</source>
            <translation>Il lettore va in timeout</translation>
        </message>
        <message>
            <source>Network</source>
            <translation>Rete</translation>
        </message>
        <message>
            <source>Backend offline</source>
            <translation>Backend offline</translation>
        </message>
        <message>
            <source>Camera</source>
            <translation>Webcam</translation>
        </message>
        <message>
            <source>Member's phone</source>
            <translation>Telefono del socio</translation>
        </message>
        <message>
            <source>Order QR</source>
            <translation>QR dell'ordine</translation>
        </message>
        <message>
            <source>Phone away</source>
            <translation>Telefono via</translation>
        </message>
        <message>
            <source>Backend back online</source>
            <translation>Backend di nuovo online</translation>
        </message>
    </context>
    <context>
        <name>SplitDialog</name>
        <message>
            <source>Split payment</source>
            <translation>Pagamento diviso</translation>
        </message>
        <message>
            <source>Total due: {amount}</source>
            <translation>Totale dovuto: {amount}</translation>
        </message>
        <message>
            <source>Amount to put on the card now (the rest in cash):</source>
            <translation>Importo da addebitare ora sulla carta (il resto in contanti):</translation>
        </message>
        <message>
            <source>Card first (Enter)</source>
            <translation>Prima la carta (Invio)</translation>
        </message>
    </context>
    <context>
        <name>StockPage</name>
        <message>
            <source>Scan an item, or type its SKU or name, then Enter</source>
            <translation>Scansiona un articolo o digita SKU o nome, poi Invio</translation>
        </message>
        <message>
            <source>Stock in every store</source>
            <translation>Giacenze in ogni negozio</translation>
        </message>
        <message>
            <source>Store</source>
            <translation>Negozio</translation>
        </message>
        <message>
            <source>Can sell</source>
            <translation>Vendibile</translation>
        </message>
        <message>
            <source>On hand</source>
            <translation>Disponibile</translation>
        </message>
        <message>
            <source>Held</source>
            <translation>Impegnato</translation>
        </message>
        <message>
            <source>Open today</source>
            <translation>Aperto oggi</translation>
        </message>
        <message>
            <source>Coming</source>
            <translation>In arrivo</translation>
        </message>
        <message>
            <source>Variants — each: here / other stores / warehouse</source>
            <translation>Varianti — ciascuna: qui / altri negozi / magazzino</translation>
        </message>
        <message>
            <source>&amp;Reserve there</source>
            <translation>&amp;Prenota lì</translation>
        </message>
        <message>
            <source>&amp;Collect here tomorrow</source>
            <translation>&amp;Ritira qui domani</translation>
        </message>
        <message>
            <source>&amp;Deliver home</source>
            <translation>&amp;Consegna a casa</translation>
        </message>
        <message>
            <source>Reser&amp;vation here</source>
            <translation>Pre&amp;notazione qui</translation>
        </message>
        <message>
            <source>Refresh (F5)</source>
            <translation>Aggiorna (F5)</translation>
        </message>
    </context>
    <context>
        <name>StockPresenter</name>
        <message>
            <source>Asking the OMO backend…</source>
            <translation>Richiesta al backend OMO…</translation>
        </message>
        <message>
            <source>OFFLINE — the stock last known {age} ago (as of {time}); it may have changed.</source>
            <translation>OFFLINE — giacenza nota {age} fa (alle {time}); potrebbe essere cambiata.</translation>
        </message>
        <message>
            <source>Live from the OMO backend, as of {time}.</source>
            <translation>In tempo reale dal backend OMO, alle {time}.</translation>
        </message>
        <message>
            <source>Here — {name}</source>
            <translation>Qui — {name}</translation>
        </message>
        <message>
            <source>{name} (delivers)</source>
            <translation>{name} (spedisce)</translation>
        </message>
        <message>
            <source>delivers only</source>
            <translation>solo spedizione</translation>
        </message>
        <message>
            <source>closed today</source>
            <translation>chiuso oggi</translation>
        </message>
        <message>
            <source>{hours}
open now</source>
            <translation>{hours}
aperto ora</translation>
        </message>
        <message>
            <source>{hours}
closed now</source>
            <translation>{hours}
chiuso ora</translation>
        </message>
        <message>
            <source>{qty} on {day}</source>
            <translation>{qty} il {day}</translation>
        </message>
        <message>
            <source>Reservation</source>
            <translation>Prenotazione</translation>
        </message>
        <message>
            <source>The reservation's order number (or scan its QR):</source>
            <translation>Il numero d'ordine della prenotazione (o scansiona il QR):</translation>
        </message>
        <message>
            <source>Look an item up first: scan it or type its SKU or name.</source>
            <translation>Cerca prima un articolo: scansionalo o digita SKU o nome.</translation>
        </message>
        <message>
            <source>Choose the store to reserve at in the list (arrow keys), then Reserve.</source>
            <translation>Scegli nell'elenco il negozio dove prenotare (frecce), poi Prenota.</translation>
        </message>
        <message>
            <source>Deliver home</source>
            <translation>Consegna a casa</translation>
        </message>
        <message>
            <source>The delivery address (street, town, postcode):</source>
            <translation>L'indirizzo di consegna (via, città, CAP):</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>Cliente</translation>
        </message>
        <message>
            <source>The customer's name (as on their ID):</source>
            <translation>Il nome del cliente (come sul documento):</translation>
        </message>
    </context>
    <context>
        <name>TenderPresenter</name>
        <message>
            <source>Cash rounding {sign}{amount} (the total is {total})</source>
            <translation>Arrotondamento contanti {sign}{amount} (il totale è {total})</translation>
        </message>
        <message>
            <source>Saving the sale…</source>
            <translation>Salvataggio della vendita…</translation>
        </message>
        <message>
            <source>Card payments are off on this till. Take cash.</source>
            <translation>I pagamenti con carta sono disattivati su questa cassa. Accetta contanti.</translation>
        </message>
        <message>
            <source>Void the sale</source>
            <translation>Annulla la vendita</translation>
        </message>
        <message>
            <source>{amount} is already paid by card. Voiding the sale refunds it to the card. Go ahead?</source>
            <translation>{amount} è già stato pagato con carta. Annullando la vendita verrà rimborsato sulla carta. Procedere?</translation>
        </message>
    </context>
    <context>
        <name>TillPage</name>
        <message>
            <source>Open the till</source>
            <translation>Apri cassa</translation>
        </message>
        <message>
            <source>Cash in</source>
            <translation>Versamento</translation>
        </message>
        <message>
            <source>Cash out</source>
            <translation>Prelievo</translation>
        </message>
        <message>
            <source>Drop to safe</source>
            <translation>In cassaforte</translation>
        </message>
        <message>
            <source>No sale</source>
            <translation>Non vendita</translation>
        </message>
        <message>
            <source>X report</source>
            <translation>Rapporto X</translation>
        </message>
        <message>
            <source>Close (blind count)</source>
            <translation>Chiusura cieca</translation>
        </message>
        <message>
            <source>Last Z report</source>
            <translation>Ultimo rapp. Z</translation>
        </message>
        <message>
            <source>Save PDF</source>
            <translation>Salva PDF</translation>
        </message>
        <message>
            <source>Print</source>
            <translation>Stampa</translation>
        </message>
    </context>
    <context>
        <name>TillPresenter</name>
        <message>
            <source>The till is closed. Open it with a counted float.</source>
            <translation>La cassa è chiusa. Aprila con un fondo cassa contato.</translation>
        </message>
        <message>
            <source>Open since {at} (session {session})</source>
            <translation>Aperta dalle {at} (sessione {session})</translation>
        </message>
        <message>
            <source>Opening count</source>
            <translation>Conteggio di apertura</translation>
        </message>
        <message>
            <source>Count the float in the drawer, note by note and coin by coin.</source>
            <translation>Conta il fondo cassa nel cassetto, banconota per banconota e moneta per moneta.</translation>
        </message>
        <message>
            <source>That is not an amount.</source>
            <translation>Non è un importo.</translation>
        </message>
        <message>
            <source>Reason (kept with the movement):</source>
            <translation>Motivo (conservato con il movimento):</translation>
        </message>
        <message>
            <source>Amount:</source>
            <translation>Importo:</translation>
        </message>
        <message>
            <source>Cash in</source>
            <translation>Versamento</translation>
        </message>
        <message>
            <source>Cash out</source>
            <translation>Prelievo</translation>
        </message>
        <message>
            <source>Drop to the safe</source>
            <translation>Versamento in cassaforte</translation>
        </message>
        <message>
            <source>No sale</source>
            <translation>Non vendita</translation>
        </message>
        <message>
            <source>Why open the drawer? (logged)</source>
            <translation>Perché aprire il cassetto? (registrato)</translation>
        </message>
        <message>
            <source>X report · session {session} · not closed</source>
            <translation>Rapporto X · sessione {session} · non chiusa</translation>
        </message>
        <message>
            <source>Sales by hour</source>
            <translation>Vendite per ora</translation>
        </message>
        <message>
            <source>X report: the session so far. Nothing was closed.</source>
            <translation>Rapporto X: la sessione finora. Non è stato chiuso nulla.</translation>
        </message>
        <message>
            <source>Blind count</source>
            <translation>Conteggio alla cieca</translation>
        </message>
        <message>
            <source>Count the drawer. The expected amount is shown after the count.</source>
            <translation>Conta il cassetto. L'importo atteso viene mostrato dopo il conteggio.</translation>
        </message>
        <message>
            <source>Counted</source>
            <translation>Contato</translation>
        </message>
        <message>
            <source>Expected</source>
            <translation>Atteso</translation>
        </message>
        <message>
            <source>Over (+) / short (−)</source>
            <translation>Eccedenza (+) / ammanco (−)</translation>
        </message>
        <message>
            <source>Exactly as expected.</source>
            <translation>Esattamente come previsto.</translation>
        </message>
        <message>
            <source>Above {limit}: a manager approves the difference.</source>
            <translation>Oltre {limit}: un responsabile approva la differenza.</translation>
        </message>
        <message>
            <source>Say why, and close.</source>
            <translation>Indica il motivo e chiudi.</translation>
        </message>
        <message>
            <source>No closed session yet.</source>
            <translation>Ancora nessuna sessione chiusa.</translation>
        </message>
        <message>
            <source>Show a Z report first.</source>
            <translation>Mostra prima un rapporto Z.</translation>
        </message>
        <message>
            <source>Save the Z report</source>
            <translation>Salva il rapporto Z</translation>
        </message>
        <message>
            <source>Saved: {path}</source>
            <translation>Salvato: {path}</translation>
        </message>
    </context>
    <context>
        <name>TotalsPanel</name>
        <message>
            <source>Subtotal</source>
            <translation>Subtotale</translation>
        </message>
        <message>
            <source>Discounts</source>
            <translation>Sconti</translation>
        </message>
        <message>
            <source>Paid</source>
            <translation>Pagato</translation>
        </message>
        <message>
            <source>Still to pay</source>
            <translation>Da pagare</translation>
        </message>
        <message>
            <source>1 item</source>
            <translation>1 articolo</translation>
        </message>
        <message numerus="yes">
            <source>%n items</source>
            <translation>
                <numerusform>%n articolo</numerusform>
                <numerusform>%n articoli</numerusform>
            </translation>
        </message>
        <message>
            <source>Total {amount}</source>
            <translation>Totale {amount}</translation>
        </message>
        <message>
            <source>Total —</source>
            <translation>Totale —</translation>
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
