<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it_IT" sourcelanguage="en">
    <context>
        <name>app</name>
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
            <source>Log in first.</source>
            <translation>Accedi prima.</translation>
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
            <source>{what}.</source>
            <translation>{what}.</translation>
        </message>
        <message>
            <source>That approval does not cover this; nothing changed.</source>
            <translation>Quell'approvazione non copre questa operazione; nulla è cambiato.</translation>
        </message>
        <message>
            <source>Nothing was scanned. Scan the item again.</source>
            <translation>Non è stato scansionato nulla. Scansiona di nuovo l'articolo.</translation>
        </message>
        <message>
            <source>A quantity must be from 1 to {most}.</source>
            <translation>La quantità deve essere da 1 a {most}.</translation>
        </message>
        <message>
            <source>{quantity} of {item} is above the limit of {limit}: a manager approves it.</source>
            <translation>{quantity} di {item} supera il limite di {limit}: lo approva un responsabile.</translation>
        </message>
        <message>
            <source>That is not a discount. {detail}</source>
            <translation>Non è uno sconto. {detail}</translation>
        </message>
        <message>
            <source>The sale is empty.</source>
            <translation>La vendita è vuota.</translation>
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
            <source>Online order {order}: take it back or hand it over on Returns &amp; pickups.</source>
            <translation>Ordine online {order}: ritiralo o consegnalo in Resi e ritiri.</translation>
        </message>
        <message>
            <source>A shared cart</source>
            <translation>Un carrello condiviso</translation>
        </message>
        <message>
            <source>A coupon</source>
            <translation>Un coupon</translation>
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
            <source>The till is not open: a manager opens it on the Till page (Alt+2).</source>
            <translation>La cassa non è aperta: la apre un responsabile nella pagina Cassa (Alt+2).</translation>
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
            <source>A manager can correct it on the Till page (Alt+2).</source>
            <translation>Un responsabile può correggerlo nella pagina Cassa (Alt+2).</translation>
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
            <source>Scan with the OMO app</source>
            <translation>Scansiona con l'app OMO</translation>
        </message>
        <message>
            <source>to claim this purchase</source>
            <translation>per registrare questo acquisto</translation>
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
        <name>Role</name>
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
            <source>Lock the till</source>
            <translation>Blocca la cassa</translation>
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
