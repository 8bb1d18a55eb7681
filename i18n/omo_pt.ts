<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_PT" sourcelanguage="en">
    <context>
        <name>app</name>
        <message>
            <source>{what}.</source>
            <translation>{what}.</translation>
        </message>
        <message>
            <source>That approval does not cover this; nothing changed.</source>
            <translation>Essa aprovação não cobre isto; nada foi alterado.</translation>
        </message>
        <message>
            <source>Scan the items first, then the store credit.</source>
            <translation>Digitalize primeiro os artigos, depois o vale.</translation>
        </message>
        <message>
            <source>Store credit needs the backend; this till has none.</source>
            <translation>O vale precisa do backend; esta caixa não tem nenhum.</translation>
        </message>
        <message>
            <source>This store credit is already on the sale.</source>
            <translation>Este vale já está na venda.</translation>
        </message>
        <message>
            <source>Store credit {code} is not known (a credit issued offline works once its till synced).</source>
            <translation>Vale {code} desconhecido (um vale emitido offline funciona quando a sua caixa sincronizar).</translation>
        </message>
        <message>
            <source>This store credit is in {currency}.</source>
            <translation>Este vale está em {currency}.</translation>
        </message>
        <message>
            <source>Nothing is left on store credit {code}.</source>
            <translation>Não resta nada no vale {code}.</translation>
        </message>
        <message>
            <source>The store credit was refused: {why}.</source>
            <translation>O vale foi recusado: {why}.</translation>
        </message>
        <message>
            <source>Store credit: {amount} taken ({left} left on it). Take the rest: {rest}.</source>
            <translation>Vale: {amount} usados ({left} restantes). Receba o resto: {rest}.</translation>
        </message>
        <message>
            <source>The backend cannot be reached ({error}): store credit cannot be used now. Take another tender.</source>
            <translation>O backend está inacessível ({error}): o vale não pode ser usado agora. Aceite outro meio de pagamento.</translation>
        </message>
        <message>
            <source>Finish or give up the exchange in progress first.</source>
            <translation>Conclua ou desista primeiro da troca em curso.</translation>
        </message>
        <message>
            <source>An exchange needs the purchase checked by the backend; take this back as a return instead.</source>
            <translation>Uma troca precisa da compra verificada pelo backend; registe-a antes como devolução.</translation>
        </message>
        <message>
            <source>Exchange: {credit} credit for the items from {label}. Scan the new items on Sell, then complete the exchange here.</source>
            <translation>Troca: crédito de {credit} pelos artigos de {label}. Digitalize os novos artigos em Vender e depois conclua aqui a troca.</translation>
        </message>
        <message>
            <source>No exchange is waiting.</source>
            <translation>Nenhuma troca em espera.</translation>
        </message>
        <message>
            <source>Scan the new items on Sell first.</source>
            <translation>Digitalize primeiro os novos artigos em Vender.</translation>
        </message>
        <message>
            <source>Exchange credit {credit} taken. The customer pays {rest}: press Cash or Card on Sell.</source>
            <translation>Crédito da troca {credit} usado. O cliente paga {rest}: prima Numerário ou Cartão em Vender.</translation>
        </message>
        <message>
            <source>Exchange done: give the customer {cash} in cash.</source>
            <translation>Troca concluída: dê ao cliente {cash} em numerário.</translation>
        </message>
        <message>
            <source>Exchange done: {amount} refunded.</source>
            <translation>Troca concluída: {amount} reembolsados.</translation>
        </message>
        <message>
            <source>Exchange done: nothing to pay either way.</source>
            <translation>Troca concluída: nada a pagar de parte a parte.</translation>
        </message>
        <message>
            <source>Attach the member first: coupons are theirs.</source>
            <translation>Associe primeiro o membro: os cupões são dele.</translation>
        </message>
        <message>
            <source>This coupon is not the member's, or not in force.</source>
            <translation>Este cupão não é do membro, ou não está em vigor.</translation>
        </message>
        <message>
            <source>Coupon {name} is on the sale.</source>
            <translation>O cupão {name} está na venda.</translation>
        </message>
        <message>
            <source>already used (another till or the web)</source>
            <translation>já usado (outra caixa ou a web)</translation>
        </message>
        <message>
            <source>not this member's</source>
            <translation>não é deste membro</translation>
        </message>
        <message>
            <source>cannot be checked offline; the member keeps it</source>
            <translation>não pode ser verificado offline; o membro fica com ele</translation>
        </message>
        <message>
            <source>The sale changed meanwhile. Take the payment again.</source>
            <translation>A venda mudou entretanto. Receba o pagamento de novo.</translation>
        </message>
        <message>
            <source>Coupon {name} was taken off: {why}. The total is now {total}: take the payment again.</source>
            <translation>O cupão {name} foi retirado: {why}. O total é agora {total}: receba o pagamento de novo.</translation>
        </message>
        <message>
            <source>Part of this sale is paid: finish it first.</source>
            <translation>Parte desta venda está paga: termine-a primeiro.</translation>
        </message>
        <message>
            <source>This shared cart is not known (or no longer kept).</source>
            <translation>Este carrinho partilhado não é conhecido (ou já não é guardado).</translation>
        </message>
        <message>
            <source>The shared cart cannot be loaded: the backend cannot be reached.</source>
            <translation>O carrinho partilhado não pode ser carregado: o backend não está acessível.</translation>
        </message>
        <message>
            <source>Shared cart: {added} of {total} lines added, {repriced} at the shop's price; {left} not added (listed).</source>
            <translation>Carrinho partilhado: {added} de {total} linhas adicionadas, {repriced} ao preço da loja; {left} não adicionadas (listadas).</translation>
        </message>
        <message>
            <source>The sale is empty.</source>
            <translation>A venda está vazia.</translation>
        </message>
        <message>
            <source>A cart for the app holds at most 200 lines.</source>
            <translation>Um carrinho para a app tem no máximo 200 linhas.</translation>
        </message>
        <message>
            <source>The cart cannot be handed over: the backend cannot be reached.</source>
            <translation>O carrinho não pode ser entregue: o backend não está acessível.</translation>
        </message>
        <message>
            <source>The customer scans this code with the OMO app to finish there. The sale stays open here: void or park it once they have it.</source>
            <translation>O cliente lê este código com a app OMO para terminar lá. A venda fica aberta aqui: anule-a ou suspenda-a quando o cliente a tiver.</translation>
        </message>
        <message>
            <source>Attach the member first: points pay only for their own sale.</source>
            <translation>Associe primeiro o membro: os pontos só pagam a sua própria venda.</translation>
        </message>
        <message>
            <source>The member's points cannot be read now (offline). Take another tender.</source>
            <translation>Os pontos do membro não podem ser lidos agora (offline). Use outro meio de pagamento.</translation>
        </message>
        <message>
            <source>Offline, this till takes at most {cap} points. Take another tender.</source>
            <translation>Offline, esta caixa aceita no máximo {cap} pontos. Use outro meio de pagamento.</translation>
        </message>
        <message>
            <source>Points cannot be redeemed while the backend cannot be reached.</source>
            <translation>Os pontos não podem ser usados enquanto o backend não estiver acessível.</translation>
        </message>
        <message>
            <source>The member has {balance} points, fewer than {points}.</source>
            <translation>O membro tem {balance} pontos, menos do que {points}.</translation>
        </message>
        <message>
            <source>{points} points ({amount}) taken. Take the rest: {rest}.</source>
            <translation>{points} pontos ({amount}) recebidos. Receba o resto: {rest}.</translation>
        </message>
        <message>
            <source>Basic</source>
            <translation>Básico</translation>
        </message>
        <message>
            <source>Silver</source>
            <translation>Prata</translation>
        </message>
        <message>
            <source>Gold</source>
            <translation>Ouro</translation>
        </message>
        <message>
            <source>Platinum</source>
            <translation>Platina</translation>
        </message>
        <message>
            <source>The backend did not accept this member code (expired, cancelled or not genuine). Ask the member to reopen the code in the app, or type the member number.</source>
            <translation>O backend não aceitou este código de membro (expirado, cancelado ou não autêntico). Peça ao membro para reabrir o código na aplicação, ou digite o número de membro.</translation>
        </message>
        <message>
            <source>Log in first.</source>
            <translation>Entre primeiro.</translation>
        </message>
        <message>
            <source>Your role cannot look up members.</source>
            <translation>O seu papel não pode procurar membros.</translation>
        </message>
        <message>
            <source>This till has no OMO backend: members cannot be found.</source>
            <translation>Esta caixa não tem backend OMO: não é possível encontrar membros.</translation>
        </message>
        <message>
            <source>Scan the member's code, or type a number, name, phone or e-mail.</source>
            <translation>Leia o código do membro, ou escreva um número, nome, telefone ou e-mail.</translation>
        </message>
        <message>
            <source>The backend cannot be reached: scan the member's code or type their number.</source>
            <translation>O backend não está acessível: leia o código do membro ou escreva o seu número.</translation>
        </message>
        <message>
            <source>The member search failed. Try again.</source>
            <translation>A pesquisa de membros falhou. Tente de novo.</translation>
        </message>
        <message>
            <source>No member found.</source>
            <translation>Nenhum membro encontrado.</translation>
        </message>
        <message>
            <source>Members found: {n}.</source>
            <translation>Membros encontrados: {n}.</translation>
        </message>
        <message>
            <source>There is no member {no}.</source>
            <translation>Não existe o membro {no}.</translation>
        </message>
        <message>
            <source>The backend cannot be reached and member {no} is not in this till's cache.</source>
            <translation>O backend não está acessível e o membro {no} não está na cache desta caixa.</translation>
        </message>
        <message>
            <source>The member could not be opened. Try again.</source>
            <translation>Não foi possível abrir o membro. Tente de novo.</translation>
        </message>
        <message>
            <source>The backend cannot be reached: showing what this till kept.</source>
            <translation>O backend não está acessível: mostra-se o que esta caixa guardou.</translation>
        </message>
        <message>
            <source>The check-in could not be recorded. Try again.</source>
            <translation>O check-in não pôde ser registado. Tente de novo.</translation>
        </message>
        <message>
            <source>Member {no} has already checked in today.</source>
            <translation>O membro {no} já fez check-in hoje.</translation>
        </message>
        <message>
            <source>Member {no} checked in: {points} points (provisional).</source>
            <translation>Check-in do membro {no}: {points} pontos (provisórios).</translation>
        </message>
        <message>
            <source>The enrolment could not be recorded. Try again.</source>
            <translation>A inscrição não pôde ser registada. Tente de novo.</translation>
        </message>
        <message>
            <source>Welcome, {name}! Member number {no}: usable now; the backend confirms it when it syncs.</source>
            <translation>Bem-vindo/a, {name}! Número de membro {no}: válido já; o backend confirma-o ao sincronizar.</translation>
        </message>
        <message>
            <source>No member data is kept on this till.</source>
            <translation>Nesta caixa não são guardados dados de membros.</translation>
        </message>
        <message>
            <source>Removed {n} cached members.</source>
            <translation>Removidos {n} membros da cache.</translation>
        </message>
        <message>
            <source>Wait: the hand-over is being recorded.</source>
            <translation>Aguarde: a entrega está a ser registada.</translation>
        </message>
        <message>
            <source>Pickups need the backend; this till has none.</source>
            <translation>Os levantamentos precisam do backend; esta caixa não tem nenhum.</translation>
        </message>
        <message>
            <source>The backend cannot be reached ({error}): pickups wait until it is back.</source>
            <translation>O backend está inacessível ({error}): os levantamentos esperam que volte.</translation>
        </message>
        <message>
            <source>{n} orders waiting for pickup; {late} not collected in time.</source>
            <translation>{n} encomendas à espera de levantamento; {late} não levantadas a tempo.</translation>
        </message>
        <message>
            <source>Scan the order's QR code or type its number.</source>
            <translation>Digitalize o QR da encomenda ou escreva o seu número.</translation>
        </message>
        <message>
            <source>There is no online order {order}.</source>
            <translation>Não existe a encomenda online {order}.</translation>
        </message>
        <message>
            <source>Order {order} is {status}, not waiting for pickup.</source>
            <translation>A encomenda {order} está {status}, não à espera de levantamento.</translation>
        </message>
        <message>
            <source>Order {order} waits at another store ({store}).</source>
            <translation>A encomenda {order} espera noutra loja ({store}).</translation>
        </message>
        <message>
            <source>Order {order}{shelf} was not collected in time: hand it over if the customer is here, or take it back to stock.</source>
            <translation>A encomenda {order}{shelf} não foi levantada a tempo: entregue-a se o cliente estiver cá, ou devolva-a ao stock.</translation>
        </message>
        <message>
            <source>Order {order}{shelf} for {customer}: check the customer, then hand it over.</source>
            <translation>Encomenda {order}{shelf} para {customer}: verifique o cliente e depois entregue-a.</translation>
        </message>
        <message>
            <source>Open the order first.</source>
            <translation>Abra primeiro a encomenda.</translation>
        </message>
        <message>
            <source>Say what the customer gave: name, card digits or code.</source>
            <translation>Diga o que o cliente deu: nome, dígitos do cartão ou código.</translation>
        </message>
        <message>
            <source>That does not match order {order}.</source>
            <translation>Não corresponde à encomenda {order}.</translation>
        </message>
        <message>
            <source>Customer checked. Hand the order over.</source>
            <translation>Cliente verificado. Entregue a encomenda.</translation>
        </message>
        <message>
            <source>Line {line}: {waiting} waiting.</source>
            <translation>Linha {line}: {waiting} em espera.</translation>
        </message>
        <message>
            <source>Check the customer first: their name, the card's last digits, or the app's code.</source>
            <translation>Verifique primeiro o cliente: o nome, os últimos dígitos do cartão ou o código da app.</translation>
        </message>
        <message>
            <source>Nothing is handed over: give at least one item.</source>
            <translation>Nada é entregue: entregue pelo menos um artigo.</translation>
        </message>
        <message>
            <source>Say why {n} × {item} is not taken.</source>
            <translation>Diga porque {n} × {item} não é levantado.</translation>
        </message>
        <message>
            <source>hand over order {order}</source>
            <translation>entrega da encomenda {order}</translation>
        </message>
        <message>
            <source>The hand-over could NOT be saved ({error}): keep the goods; try again.</source>
            <translation>A entrega NÃO foi guardada ({error}): fique com a mercadoria; tente de novo.</translation>
        </message>
        <message>
            <source>Order {order} was NOT handed over here: the backend says {reason}. Another till may have handed it over already: keep the goods and open the order again.</source>
            <translation>A encomenda {order} NÃO foi entregue aqui: o backend diz {reason}. Outra caixa pode já a ter entregue: fique com a mercadoria e abra de novo a encomenda.</translation>
        </message>
        <message>
            <source>Order {order}: {units} items handed over; the customer's app shows it.</source>
            <translation>Encomenda {order}: {units} artigos entregues; a app do cliente mostra-o.</translation>
        </message>
        <message>
            <source>Order {order}: {units} items handed over; the backend hears of it when the till is online.</source>
            <translation>Encomenda {order}: {units} artigos entregues; o backend saberá quando a caixa estiver online.</translation>
        </message>
        <message>
            <source>Returns are not available on this till.</source>
            <translation>As devoluções não estão disponíveis nesta caixa.</translation>
        </message>
        <message>
            <source>This till has no backend: returns cannot be checked.</source>
            <translation>Esta caixa não tem backend: as devoluções não podem ser verificadas.</translation>
        </message>
        <message>
            <source>The backend refused this return: {why}. Nothing was refunded.</source>
            <translation>O backend recusou esta devolução: {why}. Nada foi reembolsado.</translation>
        </message>
        <message>
            <source>The backend does not know it: {why}.</source>
            <translation>O backend não o conhece: {why}.</translation>
        </message>
        <message>
            <source>The backend cannot check this return now ({error}). Nothing was refunded. Try again, or a manager may approve an unverified return to store credit.</source>
            <translation>O backend não pode verificar esta devolução agora ({error}). Nada foi reembolsado. Tente de novo, ou um gerente pode aprovar uma devolução não verificada em vale.</translation>
        </message>
        <message>
            <source>That return is not on this till.</source>
            <translation>Essa devolução não está nesta caixa.</translation>
        </message>
        <message>
            <source>Return {no} was already recorded.</source>
            <translation>A devolução {no} já estava registada.</translation>
        </message>
        <message>
            <source>The refund was made but the return could not be saved ({error}). Do not refund again: press Finish to save it.</source>
            <translation>O reembolso foi feito mas a devolução não foi guardada ({error}). Não reembolse de novo: prima Concluir para a guardar.</translation>
        </message>
        <message>
            <source>Card refunds are off on this till ({why}). Refund this part another way, or from a till with a card reader.</source>
            <translation>Os reembolsos em cartão estão desligados nesta caixa ({why}). Reembolse esta parte de outra forma, ou numa caixa com leitor de cartões.</translation>
        </message>
        <message>
            <source>The Interac refund was cancelled; nothing was refunded yet.</source>
            <translation>O reembolso Interac foi cancelado; ainda nada foi reembolsado.</translation>
        </message>
        <message>
            <source>The Interac refund did not go through: {why}. Try again.</source>
            <translation>O reembolso Interac não foi concluído: {why}. Tente de novo.</translation>
        </message>
        <message>
            <source>The reader timed out waiting for the Interac card. Try again.</source>
            <translation>O leitor esgotou o tempo à espera do cartão Interac. Tente de novo.</translation>
        </message>
        <message>
            <source>The card refund of {amount} could not be confirmed ({why}). Nothing is lost: press Retry; the customer is never refunded twice.</source>
            <translation>O reembolso em cartão de {amount} não foi confirmado ({why}). Nada se perde: prima Repetir; o cliente nunca é reembolsado duas vezes.</translation>
        </message>
        <message>
            <source>Stripe refused the card refund of {amount}: {why} Refund that part another way (store credit or cash), or give the return up if nothing was refunded.</source>
            <translation>A Stripe recusou o reembolso em cartão de {amount}: {why} Reembolse essa parte de outra forma (vale ou numerário), ou desista da devolução se nada foi reembolsado.</translation>
        </message>
        <message>
            <source>That return is not waiting.</source>
            <translation>Essa devolução não está em espera.</translation>
        </message>
        <message>
            <source>Part of this return was already refunded to the card: finish it instead.</source>
            <translation>Parte desta devolução já foi reembolsada no cartão: conclua-a em vez disso.</translation>
        </message>
        <message>
            <source>The backend cannot be reached to release the items ({error}).</source>
            <translation>O backend está inacessível para libertar os artigos ({error}).</translation>
        </message>
        <message>
            <source>The return was given up; nothing was refunded.</source>
            <translation>A devolução foi abandonada; nada foi reembolsado.</translation>
        </message>
        <message>
            <source>Wrong size</source>
            <translation>Tamanho errado</translation>
        </message>
        <message>
            <source>Changed mind</source>
            <translation>Mudou de ideias</translation>
        </message>
        <message>
            <source>Faulty</source>
            <translation>Com defeito</translation>
        </message>
        <message>
            <source>Not as described</source>
            <translation>Não corresponde à descrição</translation>
        </message>
        <message>
            <source>Arrived too late</source>
            <translation>Chegou tarde demais</translation>
        </message>
        <message>
            <source>Not collected</source>
            <translation>Não levantado</translation>
        </message>
        <message>
            <source>Too many wrong checks for order {order}: the backend checks no more for {minutes} min. Scan the order's QR code in the customer's app instead.</source>
            <translation>Demasiadas verificações erradas para a encomenda {order}: o backend não verifica mais durante {minutes} min. Digitalize antes o código QR da encomenda na app do cliente.</translation>
        </message>
        <message>
            <source>Wait: a refund is being made.</source>
            <translation>Aguarde: está a ser feito um reembolso.</translation>
        </message>
        <message>
            <source>Scan the order or receipt, or type its number.</source>
            <translation>Digitalize a encomenda ou o talão, ou escreva o seu número.</translation>
        </message>
        <message>
            <source>There is no sale or online order {typed}. A sale of another till is found once that till has synced; a return receipt cannot be taken back.</source>
            <translation>Não existe venda nem encomenda online {typed}. Uma venda de outra caixa encontra-se quando essa caixa sincronizar; um talão de devolução não pode ser devolvido.</translation>
        </message>
        <message>
            <source>{typed} is not an order, receipt or member number.</source>
            <translation>{typed} não é um número de encomenda, talão ou membro.</translation>
        </message>
        <message>
            <source>{receipt_no} is a return receipt, not a sale: returns are taken back from the original sale's receipt. Scan or type the number of the original purchase.</source>
            <translation>{receipt_no} é um talão de devolução, não uma venda: as devoluções fazem-se a partir do talão da venda original. Leia ou escreva o número da compra original.</translation>
        </message>
        <message>
            <source>{receipt_no} is a return receipt (of {original}), not a sale: returns are taken back from the original sale's receipt. Scan or type {original}.</source>
            <translation>{receipt_no} é um talão de devolução (de {original}), não uma venda: as devoluções fazem-se a partir do talão da venda original. Leia ou escreva {original}.</translation>
        </message>
        <message>
            <source>The backend cannot be reached ({error}): online orders and other tills' sales cannot be looked up now. A sale of this till can still be taken back (unverified, store credit).</source>
            <translation>O backend está inacessível ({error}): encomendas online e vendas de outras caixas não podem ser procuradas agora. Uma venda desta caixa ainda pode ser devolvida (não verificada, em vale).</translation>
        </message>
        <message>
            <source>no backend</source>
            <translation>sem backend</translation>
        </message>
        <message>
            <source>This sale is not known here or at the backend yet (a sale of another till arrives when that till syncs). Try again in a moment.</source>
            <translation>Esta venda ainda não é conhecida aqui nem no backend (uma venda de outra caixa chega quando essa caixa sincroniza). Tente de novo daqui a pouco.</translation>
        </message>
        <message>
            <source>Sale {receipt_no} from this till's journal: the backend cannot check it now, so it can only be an unverified return to store credit (a manager approves).</source>
            <translation>Venda {receipt_no} do diário desta caixa: o backend não a pode verificar agora, por isso só pode ser uma devolução não verificada em vale (um gerente aprova).</translation>
        </message>
        <message>
            <source>Order {label} found by its number: check the customer (name, the card's last digits or the code in their app) to see what is on it.</source>
            <translation>Encomenda {label} encontrada pelo número: verifique o cliente (nome, últimos dígitos do cartão ou código na app) para ver o que contém.</translation>
        </message>
        <message>
            <source>{label}: everything on it was already returned.</source>
            <translation>{label}: tudo já foi devolvido.</translation>
        </message>
        <message>
            <source>Order {label} found by its number: check the customer (name, the card's last digits or the code in their app) before refunding.</source>
            <translation>Encomenda {label} encontrada pelo número: verifique o cliente (nome, últimos dígitos do cartão ou código na app) antes de reembolsar.</translation>
        </message>
        <message>
            <source>{label}: pick what comes back (quantity, reason, condition).</source>
            <translation>{label}: escolha o que volta (quantidade, motivo, estado).</translation>
        </message>
        <message>
            <source>Order {order} was not collected: refund it to the original payment to put it back in stock.</source>
            <translation>A encomenda {order} não foi levantada: reembolse-a no pagamento original para a devolver ao stock.</translation>
        </message>
        <message>
            <source>{name}: their orders show with the code in their app. Scan it, or type the order or receipt number.</source>
            <translation>{name}: as encomendas aparecem com o código na app. Digitalize-o, ou escreva o número da encomenda ou do recibo.</translation>
        </message>
        <message>
            <source>{name}: {n} recent orders and purchases. Pick one.</source>
            <translation>{name}: {n} encomendas e compras recentes. Escolha uma.</translation>
        </message>
        <message>
            <source>{ref} is not one of {name}'s recent orders.</source>
            <translation>{ref} não é uma das encomendas recentes de {name}.</translation>
        </message>
        <message>
            <source>Store credit {code} is not known (yet).</source>
            <translation>Vale {code} desconhecido (por enquanto).</translation>
        </message>
        <message>
            <source>Store credit {code}: {balance} of {issued} left. Use it on Sell.</source>
            <translation>Vale {code}: restam {balance} de {issued}. Use-o em Vender.</translation>
        </message>
        <message>
            <source>Return without a receipt: scan the items. They are refunded at today's price, as store credit, up to {limit}, with a manager's approval.</source>
            <translation>Devolução sem talão: digitalize os artigos. São reembolsados ao preço de hoje, em vale, até {limit}, com aprovação de um gerente.</translation>
        </message>
        <message>
            <source>Start a return without a receipt first.</source>
            <translation>Inicie primeiro uma devolução sem talão.</translation>
        </message>
        <message>
            <source>{item} added to the return.</source>
            <translation>{item} adicionado à devolução.</translation>
        </message>
        <message>
            <source>Find the order or receipt first.</source>
            <translation>Encontre primeiro a encomenda ou o talão.</translation>
        </message>
        <message>
            <source>{item}: {left} of {qty} can still be returned.</source>
            <translation>{item}: ainda se podem devolver {left} de {qty}.</translation>
        </message>
        <message>
            <source>Find the online order first.</source>
            <translation>Encontre primeiro a encomenda online.</translation>
        </message>
        <message>
            <source>Customer checked for order {order}.</source>
            <translation>Cliente verificado para a encomenda {order}.</translation>
        </message>
        <message>
            <source>Refund to the original payment or as store credit.</source>
            <translation>Reembolse no pagamento original ou em vale.</translation>
        </message>
        <message>
            <source>A return without a receipt refunds at most {limit}; this one is {amount}.</source>
            <translation>Uma devolução sem talão reembolsa no máximo {limit}; esta é de {amount}.</translation>
        </message>
        <message>
            <source>return without a receipt, {amount} as store credit</source>
            <translation>devolução sem talão, {amount} em vale</translation>
        </message>
        <message>
            <source>The backend cannot check this return now: it can only be refunded as store credit.</source>
            <translation>O backend não pode verificar esta devolução agora: só pode ser reembolsada em vale.</translation>
        </message>
        <message>
            <source>unverified return of {label}, {amount} as store credit</source>
            <translation>devolução não verificada de {label}, {amount} em vale</translation>
        </message>
        <message>
            <source>Check the customer first (name, the card's last digits, or the code in their app).</source>
            <translation>Verifique primeiro o cliente (nome, últimos dígitos do cartão ou código na app).</translation>
        </message>
        <message>
            <source>refund {amount} for {label}</source>
            <translation>reembolso de {amount} para {label}</translation>
        </message>
        <message>
            <source>Return {no} recorded: give the customer {cash} in cash.</source>
            <translation>Devolução {no} registada: dê ao cliente {cash} em numerário.</translation>
        </message>
        <message>
            <source>Return {no} recorded: {amount} refunded.</source>
            <translation>Devolução {no} registada: {amount} reembolsados.</translation>
        </message>
        <message>
            <source>That is an exchange: finish it on Sell, or give it up.</source>
            <translation>Isto é uma troca: conclua-a em Vender, ou desista dela.</translation>
        </message>
        <message>
            <source>Refund it as store credit or cash.</source>
            <translation>Reembolse-a em vale ou em numerário.</translation>
        </message>
        <message>
            <source>refund {amount} another way</source>
            <translation>reembolso de {amount} de outra forma</translation>
        </message>
        <message>
            <source>This sale was rung by {owner} and is partly paid ({paid}): finish it, or ask a manager to void it.</source>
            <translation>Esta venda foi registada por {owner} e está parcialmente paga ({paid}): conclua-a ou peça a um gerente para a anular.</translation>
        </message>
        <message>
            <source>{owner}'s open sale ({label}) was put aside; {owner} gets it back at login.</source>
            <translation>A venda aberta de {owner} ({label}) foi posta de lado; {owner} recupera-a ao entrar.</translation>
        </message>
        <message>
            <source>Your sale that was put aside is back. Carry on.</source>
            <translation>A sua venda posta de lado está de volta. Continue.</translation>
        </message>
        <message>
            <source>Wait: the payment is being finished.</source>
            <translation>Aguarde: o pagamento está a ser concluído.</translation>
        </message>
        <message>
            <source>{name} may not sell.</source>
            <translation>{name} não pode vender.</translation>
        </message>
        <message>
            <source>Nothing was scanned. Scan the item again.</source>
            <translation>Nada foi digitalizado. Digitalize o artigo de novo.</translation>
        </message>
        <message>
            <source>No product with SKU {sku} here.</source>
            <translation>Nenhum produto com SKU {sku} aqui.</translation>
        </message>
        <message>
            <source>A quantity must be from 1 to {most}.</source>
            <translation>A quantidade deve ser de 1 a {most}.</translation>
        </message>
        <message>
            <source>{quantity} × {item}</source>
            <translation>{quantity} × {item}</translation>
        </message>
        <message>
            <source>{quantity} of {item} is above the limit of {limit}: a manager approves it.</source>
            <translation>{quantity} de {item} excede o limite de {limit}: um gerente aprova.</translation>
        </message>
        <message>
            <source>remove a line</source>
            <translation>remover uma linha</translation>
        </message>
        <message>
            <source>That is not a discount. {detail}</source>
            <translation>Isso não é um desconto. {detail}</translation>
        </message>
        <message>
            <source>discount on {item}</source>
            <translation>desconto em {item}</translation>
        </message>
        <message>
            <source>discount on the whole sale</source>
            <translation>desconto em toda a venda</translation>
        </message>
        <message>
            <source>That is not a price.</source>
            <translation>Isso não é um preço.</translation>
        </message>
        <message>
            <source>A price override needs a reason.</source>
            <translation>Uma alteração de preço precisa de um motivo.</translation>
        </message>
        <message>
            <source>price of {item}</source>
            <translation>preço de {item}</translation>
        </message>
        <message>
            <source>Online order {order}: take it back or hand it over on Returns &amp; pickups.</source>
            <translation>Encomenda online {order}: receba a devolução ou entregue-a em Devoluções e levantamentos.</translation>
        </message>
        <message>
            <source>Store credit {code}: checking it…</source>
            <translation>Vale {code}: a verificar…</translation>
        </message>
        <message>
            <source>Shared cart: loading it…</source>
            <translation>Carrinho partilhado: a carregar…</translation>
        </message>
        <message>
            <source>A gift card</source>
            <translation>Um cartão-presente</translation>
        </message>
        <message>
            <source>A receipt</source>
            <translation>Um talão</translation>
        </message>
        <message>
            <source>{what} cannot be used at this till yet.</source>
            <translation>{what}: ainda não pode ser usado nesta caixa.</translation>
        </message>
        <message>
            <source>Member {no} attached to this sale.</source>
            <translation>Membro {no} associado a esta venda.</translation>
        </message>
        <message>
            <source>{name} ({tier}) attached to this sale.</source>
            <translation>{name} ({tier}) associado a esta venda.</translation>
        </message>
        <message>
            <source>Member {no} attached; details unavailable right now (offline?).</source>
            <translation>Membro {no} associado; detalhes indisponíveis de momento (offline?).</translation>
        </message>
        <message>
            <source>The sale could NOT be saved ({error}). Nothing was recorded: do not give change or goods; try again, and call a manager if it happens again.</source>
            <translation>A venda NÃO foi guardada ({error}). Nada foi registado: não dê troco nem artigos; tente de novo e chame um gerente se voltar a acontecer.</translation>
        </message>
        <message>
            <source>A credit must be more than zero and at most {due}.</source>
            <translation>Um crédito deve ser maior que zero e no máximo {due}.</translation>
        </message>
        <message>
            <source>Credit of {amount} taken. Take the rest: {rest}.</source>
            <translation>Crédito de {amount} usado. Receba o resto: {rest}.</translation>
        </message>
        <message>
            <source>The credit was taken off the sale.</source>
            <translation>O crédito foi retirado da venda.</translation>
        </message>
        <message>
            <source>The earlier card payment could not be checked: {error}</source>
            <translation>Não foi possível verificar o pagamento com cartão anterior: {error}</translation>
        </message>
        <message>
            <source>Sale {receipt_no} complete. Change: {change}</source>
            <translation>Venda {receipt_no} concluída. Troco: {change}</translation>
        </message>
        <message>
            <source>Sale {receipt_no} complete.</source>
            <translation>Venda {receipt_no} concluída.</translation>
        </message>
        <message>
            <source>Card payments are off on this till. Take cash.</source>
            <translation>Os pagamentos com cartão estão desligados nesta caixa. Aceite numerário.</translation>
        </message>
        <message>
            <source>A card amount must be more than zero and at most {due}.</source>
            <translation>O valor no cartão deve ser maior que zero e no máximo {due}.</translation>
        </message>
        <message>
            <source>A card payment is already running for this sale.</source>
            <translation>Já está a decorrer um pagamento com cartão para esta venda.</translation>
        </message>
        <message>
            <source>Card payment failed: {error}</source>
            <translation>O pagamento com cartão falhou: {error}</translation>
        </message>
        <message>
            <source>Sale {receipt_no} recorded, but {problem}</source>
            <translation>Venda {receipt_no} registada, mas {problem}</translation>
        </message>
        <message>
            <source>Sale {receipt_no} complete; the card capture is being retried (payment pending capture).</source>
            <translation>Venda {receipt_no} concluída; a captura do cartão está a ser repetida (pagamento pendente de captura).</translation>
        </message>
        <message>
            <source>Card part {amount} approved. Take the rest: {rest} in cash (F10).</source>
            <translation>Parte em cartão {amount} aprovada. Receba o resto: {rest} em numerário (F10).</translation>
        </message>
        <message>
            <source>Card not paid: {why} The sale is still open: try again or take another tender.</source>
            <translation>Cartão não pago: {why} A venda continua aberta: tente de novo ou use outro meio de pagamento.</translation>
        </message>
        <message>
            <source>Could not suspend: {error}</source>
            <translation>Não foi possível suspender: {error}</translation>
        </message>
        <message>
            <source>Sale suspended ({label}). Shift+F6 resumes it.</source>
            <translation>Venda suspensa ({label}). Shift+F6 retoma-a.</translation>
        </message>
        <message>
            <source>Finish or suspend the current sale before resuming another.</source>
            <translation>Conclua ou suspenda a venda atual antes de retomar outra.</translation>
        </message>
        <message>
            <source>Could not resume: {error}</source>
            <translation>Não foi possível retomar: {error}</translation>
        </message>
        <message>
            <source>Sale resumed.</source>
            <translation>Venda retomada.</translation>
        </message>
        <message>
            <source>void this sale</source>
            <translation>anular esta venda</translation>
        </message>
        <message>
            <source>Sale voided.</source>
            <translation>Venda anulada.</translation>
        </message>
        <message>
            <source>{amount} is already paid by card: voiding refunds it to the card.</source>
            <translation>{amount} já está pago com cartão: anular reembolsa-o no cartão.</translation>
        </message>
        <message>
            <source>The card part could not be refunded ({error}); the sale stays open. Try again or finish it with another tender.</source>
            <translation>Não foi possível reembolsar a parte em cartão ({error}); a venda continua aberta. Tente de novo ou conclua-a com outro meio de pagamento.</translation>
        </message>
        <message>
            <source>Sale voided; {amount} refunded to the card.</source>
            <translation>Venda anulada; {amount} reembolsados no cartão.</translation>
        </message>
        <message>
            <source>Say why the drawer opens.</source>
            <translation>Diga porque se abre a gaveta.</translation>
        </message>
        <message>
            <source>open the drawer without a sale</source>
            <translation>abrir a gaveta sem venda</translation>
        </message>
        <message>
            <source>The drawer did not open: {error}</source>
            <translation>A gaveta não abriu: {error}</translation>
        </message>
        <message>
            <source>Drawer opened.</source>
            <translation>Gaveta aberta.</translation>
        </message>
        <message>
            <source>Sale {receipt_no} ({total}) was completed and recorded before the till stopped. Do not take payment for it again. No receipt? Press Reprint (Ctrl+P).</source>
            <translation>A venda {receipt_no} ({total}) foi concluída e registada antes de a caixa parar. Não volte a cobrá-la. Sem talão? Prima Reimprimir (Ctrl+P).</translation>
        </message>
        <message>
            <source>The receipt of sale {receipt_no} was not printed: the till stopped just after the sale. If the customer needs it, press Reprint (Ctrl+P).</source>
            <translation>O talão da venda {receipt_no} não foi impresso: a caixa parou logo a seguir à venda. Se o cliente precisar, prima Reimprimir (Ctrl+P).</translation>
        </message>
        <message>
            <source>No receipt to reprint yet.</source>
            <translation>Ainda não há talão para reimprimir.</translation>
        </message>
        <message>
            <source>Receipt {receipt_no} reprinted.</source>
            <translation>Talão {receipt_no} reimpresso.</translation>
        </message>
        <message>
            <source>Setting '{name}' ({where}): {reason}</source>
            <translation>Definição '{name}' ({where}): {reason}</translation>
        </message>
        <message>
            <source>No card reader is paired with this till. Card payments are off; take cash.</source>
            <translation>Nenhum leitor de cartões está associado a esta caixa. Os pagamentos com cartão estão desligados; aceite numerário.</translation>
        </message>
        <message>
            <source>Card payments are relayed by the backend, but this till is not registered with one.</source>
            <translation>Os pagamentos com cartão passam pelo backend, mas esta caixa não está registada em nenhum.</translation>
        </message>
        <message>
            <source>This till has no OMO backend: stock cannot be checked.</source>
            <translation>Esta caixa não tem backend OMO: não é possível consultar o stock.</translation>
        </message>
        <message>
            <source>Scan an item, or type its SKU or name.</source>
            <translation>Leia um artigo ou escreva o seu SKU ou nome.</translation>
        </message>
        <message>
            <source>No item found for “{typed}”.</source>
            <translation>Nenhum artigo encontrado para «{typed}».</translation>
        </message>
        <message>
            <source>The OMO backend does not know item {sku}.</source>
            <translation>O backend OMO não conhece o artigo {sku}.</translation>
        </message>
        <message>
            <source>Stock cannot be checked now: {reason}</source>
            <translation>Não é possível consultar o stock agora: {reason}</translation>
        </message>
        <message>
            <source>Offline: this is the stock last known {age} ago (as of {as_of}). It may have changed.</source>
            <translation>Offline: este é o stock conhecido há {age} (às {as_of}). Pode ter mudado.</translation>
        </message>
        <message>
            <source>Whose is it? Attach the member (scan their app) or type their name.</source>
            <translation>Para quem é? Associe o membro (leia a app dele) ou escreva o nome.</translation>
        </message>
        <message>
            <source>not enough left to promise at {store}</source>
            <translation>não resta o suficiente para prometer em {store}</translation>
        </message>
        <message>
            <source>Not available any more: {reason}. No other store or warehouse has it.</source>
            <translation>Já não está disponível: {reason}. Nenhuma outra loja ou armazém o tem.</translation>
        </message>
        <message>
            <source>Not available any more: {reason}. Still available: {offer}.</source>
            <translation>Já não está disponível: {reason}. Ainda disponível: {offer}.</translation>
        </message>
        <message>
            <source>Not reserved: {reason}</source>
            <translation>Não reservado: {reason}</translation>
        </message>
        <message>
            <source>Reserved: {qty} × {item} at {store} for {name} until {until} (order {order}). It is in the customer's OMO app.</source>
            <translation>Reservado: {qty} × {item} em {store} para {name} até {until} (encomenda {order}). Está na app OMO do cliente.</translation>
        </message>
        <message>
            <source>Reserved: {qty} × {item} at {store} for {name} until {until} (order {order}). Give the customer the order number.</source>
            <translation>Reservado: {qty} × {item} em {store} para {name} até {until} (encomenda {order}). Dê ao cliente o número da encomenda.</translation>
        </message>
        <message>
            <source>An order is delivered home or collected here.</source>
            <translation>Uma encomenda é entregue em casa ou levantada aqui.</translation>
        </message>
        <message>
            <source>Part of this sale is paid: finish it, then order.</source>
            <translation>Parte desta venda está paga: termine-a e depois encomende.</translation>
        </message>
        <message>
            <source>Item {sku} is not sold at this till.</source>
            <translation>O artigo {sku} não é vendido nesta caixa.</translation>
        </message>
        <message>
            <source>An order delivered home needs the customer's address.</source>
            <translation>Uma encomenda entregue em casa precisa da morada do cliente.</translation>
        </message>
        <message>
            <source>Not ordered: the backend must confirm the stock. {reason}</source>
            <translation>Não encomendado: o backend tem de confirmar o stock. {reason}</translation>
        </message>
        <message>
            <source>No other store or warehouse has {qty} × {item} to send.</source>
            <translation>Nenhuma outra loja ou armazém tem {qty} × {item} para enviar.</translation>
        </message>
        <message>
            <source>Not ordered: {reason}</source>
            <translation>Não encomendado: {reason}</translation>
        </message>
        <message>
            <source>Order {order}: {qty} × {item} from {source}, delivered by {day}. Now take payment.</source>
            <translation>Encomenda {order}: {qty} × {item} de {source}, entregue até {day}. Agora cobre o pagamento.</translation>
        </message>
        <message>
            <source>Order {order}: {qty} × {item} from {source}, to collect here from {day}. Now take payment.</source>
            <translation>Encomenda {order}: {qty} × {item} de {source}, para levantar aqui a partir de {day}. Agora cobre o pagamento.</translation>
        </message>
        <message>
            <source>No order {order}.</source>
            <translation>Não existe a encomenda {order}.</translation>
        </message>
        <message>
            <source>The order cannot be checked now: {reason}</source>
            <translation>Não é possível verificar a encomenda agora: {reason}</translation>
        </message>
        <message>
            <source>Order {order} is not a reservation waiting to be collected ({status}).</source>
            <translation>A encomenda {order} não é uma reserva à espera de levantamento ({status}).</translation>
        </message>
        <message>
            <source>Reservation {order} waits at {store}, not here.</source>
            <translation>A reserva {order} aguarda em {store}, não aqui.</translation>
        </message>
        <message>
            <source>Reservation {order} for {name} is on the sale: take payment.</source>
            <translation>A reserva {order} de {name} está na venda: cobre o pagamento.</translation>
        </message>
        <message>
            <source>Not given up: {reason}</source>
            <translation>Não cancelado: {reason}</translation>
        </message>
        <message>
            <source>Order {order} given up: its stock is free again.</source>
            <translation>Encomenda {order} cancelada: o stock voltou a estar livre.</translation>
        </message>
        <message>
            <source>Order {order} was paid, but its stock went elsewhere before the sale reached the OMO backend. Offer the customer: {offer}; or refund {amount} for the order.</source>
            <translation>A encomenda {order} foi paga, mas o stock foi para outro lado antes de a venda chegar ao backend OMO. Proponha ao cliente: {offer}; ou reembolse {amount} pela encomenda.</translation>
        </message>
        <message>
            <source>Order {order} was paid, but its stock went elsewhere before the sale reached the OMO backend, and no other store or warehouse has it. Refund {amount} for the order.</source>
            <translation>A encomenda {order} foi paga, mas o stock foi para outro lado antes de a venda chegar ao backend OMO, e nenhuma outra loja ou armazém o tem. Reembolse {amount} pela encomenda.</translation>
        </message>
        <message>
            <source>The till is not open: a manager opens it on the Till page.</source>
            <translation>A caixa não está aberta: um gerente abre-a na página Caixa.</translation>
        </message>
        <message>
            <source>{what}: a manager approves it.</source>
            <translation>{what}: um gerente aprova.</translation>
        </message>
        <message>
            <source>The till is not open.</source>
            <translation>A caixa não está aberta.</translation>
        </message>
        <message>
            <source>The till is already open.</source>
            <translation>A caixa já está aberta.</translation>
        </message>
        <message>
            <source>Only the demo shop opens its till by itself.</source>
            <translation>Só a loja de demonstração abre a caixa sozinha.</translation>
        </message>
        <message>
            <source>Till opened for the day with the demo float of {amount}.</source>
            <translation>Caixa aberta para o dia com o fundo de demonstração de {amount}.</translation>
        </message>
        <message>
            <source>Till opened with a float of {amount}.</source>
            <translation>Caixa aberta com um fundo de caixa de {amount}.</translation>
        </message>
        <message>
            <source>The float is now {amount}.</source>
            <translation>O fundo de caixa é agora {amount}.</translation>
        </message>
        <message>
            <source>The amount must be more than zero.</source>
            <translation>O valor deve ser maior que zero.</translation>
        </message>
        <message>
            <source>Say what the cash is for (it is kept with the movement).</source>
            <translation>Diga para que é o dinheiro (fica guardado com o movimento).</translation>
        </message>
        <message>
            <source>Cash in: {amount} ({reason}).</source>
            <translation>Entrada: {amount} ({reason}).</translation>
        </message>
        <message>
            <source>Cash out: {amount} ({reason}).</source>
            <translation>Saída: {amount} ({reason}).</translation>
        </message>
        <message>
            <source>Drop to the safe: {amount}.</source>
            <translation>Depósito no cofre: {amount}.</translation>
        </message>
        <message>
            <source>Recorded, but the drawer did not open: {error}</source>
            <translation>Registado, mas a gaveta não abriu: {error}</translation>
        </message>
        <message>
            <source>{name} may not see reports.</source>
            <translation>{name} não pode ver relatórios.</translation>
        </message>
        <message>
            <source>Card totals could not be checked with Stripe: {error}</source>
            <translation>Não foi possível verificar os totais de cartão com a Stripe: {error}</translation>
        </message>
        <message>
            <source>A card payment is not settled ({what}): the till cannot close until it is. Finish the payment, or let the reconciler settle it, then close.</source>
            <translation>Um pagamento com cartão não está acertado ({what}): a caixa não pode fechar enquanto não estiver. Conclua o pagamento ou deixe a reconciliação acertá-lo e depois feche.</translation>
        </message>
        <message>
            <source>The till could NOT be closed ({error}); nothing was recorded. Try again.</source>
            <translation>A caixa NÃO foi fechada ({error}); nada foi registado. Tente de novo.</translation>
        </message>
        <message>
            <source>Till closed. {difference}{approved}{unsynced}</source>
            <translation>Caixa fechada. {difference}{approved}{unsynced}</translation>
        </message>
        <message>
            <source> {name} approved it.</source>
            <translation> Aprovado por {name}.</translation>
        </message>
        <message>
            <source> {note}</source>
            <translation> {note}</translation>
        </message>
        <message>
            <source>Counted {counted}: exactly as expected.</source>
            <translation>Contado {counted}: exatamente o esperado.</translation>
        </message>
        <message>
            <source>Counted {counted}, expected {expected}: {side} by {amount}. Say why (kept with the closure).</source>
            <translation>Contado {counted}, esperado {expected}: {side} de {amount}. Diga porquê (guardado com o fecho).</translation>
        </message>
        <message>
            <source>Counted {counted}, expected {expected}: {side} by {amount}, above {limit}: a manager approves it.</source>
            <translation>Contado {counted}, esperado {expected}: {side} de {amount}, acima de {limit}: um gerente aprova.</translation>
        </message>
        <message>
            <source>Counted {counted}, expected {expected}: {side} by {amount}.</source>
            <translation>Contado {counted}, esperado {expected}: {side} de {amount}.</translation>
        </message>
        <message>
            <source>over</source>
            <translation>sobra</translation>
        </message>
        <message>
            <source>short</source>
            <translation>falta</translation>
        </message>
        <message>
            <source>Not at the backend yet: {n} (the oldest from {minutes} min ago); they go on syncing.</source>
            <translation>Ainda não no backend: {n} (o mais antigo de há {minutes} min); continuam a sincronizar.</translation>
        </message>
        <message>
            <source>Session {session} is not closed: no Z report yet.</source>
            <translation>A sessão {session} não está fechada: ainda sem relatório Z.</translation>
        </message>
        <message>
            <source>The Z report did not print: {error}</source>
            <translation>O relatório Z não foi impresso: {error}</translation>
        </message>
        <message>
            <source>The Z report waits in the print queue: {problem}</source>
            <translation>O relatório Z aguarda na fila de impressão: {problem}</translation>
        </message>
        <message>
            <source>Z report printed.</source>
            <translation>Relatório Z impresso.</translation>
        </message>
        <message>
            <source>Cash</source>
            <translation>Numerário</translation>
        </message>
        <message>
            <source>Card</source>
            <translation>Cartão</translation>
        </message>
        <message>
            <source>Points</source>
            <translation>Pontos</translation>
        </message>
        <message>
            <source>Gift card</source>
            <translation>Cartão-presente</translation>
        </message>
        <message>
            <source>Store credit</source>
            <translation>Crédito de loja</translation>
        </message>
        <message>
            <source>Sales ({n})</source>
            <translation>Vendas ({n})</translation>
        </message>
        <message>
            <source>Returns ({n})</source>
            <translation>Devoluções ({n})</translation>
        </message>
        <message>
            <source>Net sales</source>
            <translation>Vendas líquidas</translation>
        </message>
        <message>
            <source>Discounts given</source>
            <translation>Descontos concedidos</translation>
        </message>
        <message>
            <source>Points redeemed</source>
            <translation>Pontos usados</translation>
        </message>
        <message>
            <source>Voided sales ({n})</source>
            <translation>Vendas anuladas ({n})</translation>
        </message>
        <message>
            <source>No-sale drawer openings</source>
            <translation>Aberturas de gaveta sem venda</translation>
        </message>
        <message>
            <source>No payments</source>
            <translation>Sem pagamentos</translation>
        </message>
        <message>
            <source>{rate} on {amount}</source>
            <translation>{rate} sobre {amount}</translation>
        </message>
        <message>
            <source>No tax</source>
            <translation>Sem imposto</translation>
        </message>
        <message>
            <source>Opening float</source>
            <translation>Fundo de caixa inicial</translation>
        </message>
        <message>
            <source>+ Cash tendered</source>
            <translation>+ Numerário recebido</translation>
        </message>
        <message>
            <source>− Change given</source>
            <translation>− Troco dado</translation>
        </message>
        <message>
            <source>− Cash refunds</source>
            <translation>− Reembolsos em numerário</translation>
        </message>
        <message>
            <source>+ Paid in</source>
            <translation>+ Entradas</translation>
        </message>
        <message>
            <source>− Paid out</source>
            <translation>− Saídas</translation>
        </message>
        <message>
            <source>− Drops to the safe</source>
            <translation>− Depósitos no cofre</translation>
        </message>
        <message>
            <source>= Expected in the drawer</source>
            <translation>= Esperado na gaveta</translation>
        </message>
        <message>
            <source>Over</source>
            <translation>Sobra</translation>
        </message>
        <message>
            <source>Short</source>
            <translation>Falta</translation>
        </message>
        <message>
            <source>Over/short</source>
            <translation>Sobra/falta</translation>
        </message>
        <message>
            <source>Counted</source>
            <translation>Contado</translation>
        </message>
        <message>
            <source>Reason: {reason}</source>
            <translation>Motivo: {reason}</translation>
        </message>
        <message>
            <source>Approved by</source>
            <translation>Aprovado por</translation>
        </message>
        <message>
            <source>Sales</source>
            <translation>Vendas</translation>
        </message>
        <message>
            <source>Tenders</source>
            <translation>Meios de pagamento</translation>
        </message>
        <message>
            <source>Tax per rate</source>
            <translation>Imposto por taxa</translation>
        </message>
        <message>
            <source>{brand} ({n})</source>
            <translation>{brand} ({n})</translation>
        </message>
        <message>
            <source>Stripe total</source>
            <translation>Total Stripe</translation>
        </message>
        <message>
            <source>Journal total</source>
            <translation>Total do diário</translation>
        </message>
        <message>
            <source>Not checked with Stripe (offline)</source>
            <translation>Não verificado com a Stripe (offline)</translation>
        </message>
        <message>
            <source>Cards, reconciled with Stripe</source>
            <translation>Cartões, reconciliados com a Stripe</translation>
        </message>
        <message>
            <source>Top products</source>
            <translation>Produtos mais vendidos</translation>
        </message>
        <message>
            <source>Z report · till {till} · session {session}</source>
            <translation>Relatório Z · caixa {till} · sessão {session}</translation>
        </message>
        <message>
            <source>Opened {at} by {who}</source>
            <translation>Aberta {at} por {who}</translation>
        </message>
        <message>
            <source>Closed {at} by {who}</source>
            <translation>Fechada {at} por {who}</translation>
        </message>
        <message>
            <source>A discount is either a percent or an amount, not both or neither.</source>
            <translation>Um desconto é uma percentagem ou um valor, não ambos nem nenhum.</translation>
        </message>
        <message>
            <source>A discount's reason must be text.</source>
            <translation>O motivo de um desconto tem de ser texto.</translation>
        </message>
        <message>
            <source>A discount amount must be Money, not {amount!r}.</source>
            <translation>O valor de um desconto tem de ser Money, não {amount!r}.</translation>
        </message>
        <message>
            <source>A discount must be more than zero, not {amount}.</source>
            <translation>Um desconto tem de ser maior que zero, não {amount}.</translation>
        </message>
        <message>
            <source>A discount percent must be exact (text or Decimal), not {percent!r}.</source>
            <translation>A percentagem de um desconto tem de ser exata (texto ou Decimal), não {percent!r}.</translation>
        </message>
        <message>
            <source>A discount must be more than 0%, not {percent}%.</source>
            <translation>Um desconto tem de ser maior que 0%, não {percent}%.</translation>
        </message>
        <message>
            <source>A discount cannot be more than 100% (asked for {percent}%).</source>
            <translation>Um desconto não pode ser superior a 100% (pedido: {percent}%).</translation>
        </message>
        <message>
            <source>{percent!r} is not a percent.</source>
            <translation>{percent!r} não é uma percentagem.</translation>
        </message>
        <message>
            <source>The discount of {amount} is more than the {base} of {what}.</source>
            <translation>O desconto de {amount} é superior aos {base} de {what}.</translation>
        </message>
        <message>
            <source>The discount of {amount} is more than the {base} of the sale.</source>
            <translation>O desconto de {amount} é superior aos {base} da venda.</translation>
        </message>
        <message>
            <source>A sold line could not be read ({why}).</source>
            <translation>Não foi possível ler uma linha vendida ({why}).</translation>
        </message>
        <message>
            <source>The quantity must be a whole number of units, not {quantity!r}.</source>
            <translation>A quantidade tem de ser um número inteiro de unidades, não {quantity!r}.</translation>
        </message>
        <message>
            <source>The quantity must be at least 1; to take the line off, remove it.</source>
            <translation>A quantidade tem de ser pelo menos 1; para tirar a linha, remova-a.</translation>
        </message>
        <message>
            <source>The quantity {quantity} is too large (at most {most}). Was a barcode typed into the quantity?</source>
            <translation>A quantidade {quantity} é demasiado grande (no máximo {most}). Foi escrito um código de barras na quantidade?</translation>
        </message>
        <message>
            <source>A price must be Money, not {price!r}.</source>
            <translation>Um preço tem de ser Money, não {price!r}.</translation>
        </message>
        <message>
            <source>A price cannot be negative ({price}).</source>
            <translation>Um preço não pode ser negativo ({price}).</translation>
        </message>
        <message>
            <source>Not a discount: {discount!r}.</source>
            <translation>Não é um desconto: {discount!r}.</translation>
        </message>
        <message>
            <source>An item needs a SKU, got {sku!r}.</source>
            <translation>Um artigo precisa de um SKU, recebido {sku!r}.</translation>
        </message>
        <message>
            <source>An item description must be text, got {description!r}.</source>
            <translation>A descrição de um artigo tem de ser texto, recebido {description!r}.</translation>
        </message>
        <message>
            <source>A weighed item needs its measure, not {measure!r}.</source>
            <translation>Um artigo pesado precisa da sua medida, não {measure!r}.</translation>
        </message>
        <message>
            <source>{item} is sold by weight ({measure}): its quantity is its weight. Weigh and scan each item, or remove the line.</source>
            <translation>{item} é vendido ao peso ({measure}): a sua quantidade é o seu peso. Pese e leia cada artigo, ou remova a linha.</translation>
        </message>
        <message>
            <source>{item} is on order {order_no}, which holds {quantity}: to change the quantity, remove the line and order again.</source>
            <translation>{item} está na encomenda {order_no}, que tem {quantity}: para alterar a quantidade, remova a linha e encomende de novo.</translation>
        </message>
        <message>
            <source>A price change needs a reason.</source>
            <translation>Uma alteração de preço precisa de um motivo.</translation>
        </message>
        <message>
            <source>Not offers: {offers!r}.</source>
            <translation>Não são ofertas: {offers!r}.</translation>
        </message>
        <message>
            <source>The saved sale could not be restored ({why}).</source>
            <translation>Não foi possível restaurar a venda guardada ({why}).</translation>
        </message>
        <message>
            <source>{item} was sold by weight ({measure}): it is returned whole, as one item, or not at all.</source>
            <translation>{item} foi vendido ao peso ({measure}): é devolvido inteiro, como um só artigo, ou não é devolvido.</translation>
        </message>
        <message>
            <source>Return quantities must be whole numbers of units.</source>
            <translation>As quantidades a devolver têm de ser números inteiros de unidades.</translation>
        </message>
        <message>
            <source>Only {left} of {quantity} × {item} can still be returned (asked for {asked}).</source>
            <translation>Só {left} de {quantity} × {item} ainda podem ser devolvidos (pedido: {asked}).</translation>
        </message>
        <message>
            <source>There is nothing to return: the sale has no lines.</source>
            <translation>Não há nada a devolver: a venda não tem linhas.</translation>
        </message>
        <message>
            <source>The cash rounding rule {rule!r} is for {currencies}, not {currency}. A store in {currency} can choose: {choices}.</source>
            <translation>A regra de arredondamento em numerário {rule!r} é para {currencies}, não para {currency}. Uma loja em {currency} pode escolher: {choices}.</translation>
        </message>
        <message>
            <source>Unknown cash rounding rule {rule!r}; choose one of: {choices}.</source>
            <translation>Regra de arredondamento em numerário desconhecida {rule!r}; escolha uma de: {choices}.</translation>
        </message>
        <message>
            <source>The saved sale was written by another version and cannot be restored.</source>
            <translation>A venda guardada foi escrita por outra versão e não pode ser restaurada.</translation>
        </message>
        <message>
            <source>{name} is no longer sold (archived). Put it aside and call a manager.</source>
            <translation>{name} já não é vendido (arquivado). Ponha-o de lado e chame um gerente.</translation>
        </message>
        <message>
            <source>No product with SKU {sku} in the catalog.</source>
            <translation>Nenhum produto com o SKU {sku} no catálogo.</translation>
        </message>
        <message>
            <source>This needs a manager's approval, and this till takes none.</source>
            <translation>Isto precisa da aprovação de um gerente, e esta caixa não aceita nenhuma.</translation>
        </message>
        <message>
            <source>That coupon or promotion is not on this sale.</source>
            <translation>Esse cupão ou promoção não está nesta venda.</translation>
        </message>
        <message>
            <source>That coupon or promotion was not taken off this sale.</source>
            <translation>Esse cupão ou promoção não foi retirado desta venda.</translation>
        </message>
        <message>
            <source>Part of this sale is already paid. Finish the payment, or void the sale (the card part is refunded) to change it.</source>
            <translation>Parte desta venda já está paga. Conclua o pagamento, ou anule a venda (a parte paga com cartão é reembolsada) para a alterar.</translation>
        </message>
        <message>
            <source>That is {short} short of the amount due in cash.</source>
            <translation>Faltam {short} para o valor a pagar em numerário.</translation>
        </message>
        <message>
            <source>Points pay in steps of {step}: {points} is not a whole number of steps.</source>
            <translation>Os pontos pagam em passos de {step}: {points} não é um número inteiro de passos.</translation>
        </message>
        <message>
            <source>That is more points than the sale still needs.</source>
            <translation>São mais pontos do que a venda ainda precisa.</translation>
        </message>
        <message>
            <source>A part payment must be more than zero and less than what is due.</source>
            <translation>Um pagamento parcial tem de ser maior que zero e menor do que o valor em dívida.</translation>
        </message>
        <message>
            <source>The payments do not cover the total yet.</source>
            <translation>Os pagamentos ainda não cobrem o total.</translation>
        </message>
        <message>
            <source>A different sale was committed than the one on screen.</source>
            <translation>Foi registada uma venda diferente da que está no ecrã.</translation>
        </message>
        <message>
            <source>Refund the part already paid first; a partly paid sale cannot just be voided.</source>
            <translation>Reembolse primeiro a parte já paga; uma venda paga em parte não pode simplesmente ser anulada.</translation>
        </message>
        <message>
            <source>There is nothing to suspend.</source>
            <translation>Não há nada para suspender.</translation>
        </message>
        <message>
            <source>This is not a code this till understands.</source>
            <translation>Este não é um código que esta caixa reconheça.</translation>
        </message>
        <message>
            <source>This code is damaged or incomplete. Please scan it again.</source>
            <translation>Este código está danificado ou incompleto. Leia-o novamente.</translation>
        </message>
        <message>
            <source>This member code is newer than this till's keys. Check the till is online, then scan again, or type the member number.</source>
            <translation>Este código de membro é mais recente do que as chaves desta caixa. Verifique se a caixa está online e leia novamente, ou escreva o número de membro.</translation>
        </message>
        <message>
            <source>This member code is not genuine. Type the member number instead.</source>
            <translation>Este código de membro não é autêntico. Escreva antes o número de membro.</translation>
        </message>
        <message>
            <source>This member code has expired. Ask the member to reopen the code in the app.</source>
            <translation>Este código de membro expirou. Peça ao membro para reabrir o código na app.</translation>
        </message>
        <message>
            <source>This member card has been cancelled. Ask for the app code or a new card.</source>
            <translation>Este cartão de membro foi cancelado. Peça o código da app ou um cartão novo.</translation>
        </message>
        <message>
            <source>A member number has only digits.</source>
            <translation>Um número de membro só tem algarismos.</translation>
        </message>
        <message>
            <source>This member number is too long.</source>
            <translation>Este número de membro é demasiado longo.</translation>
        </message>
        <message>
            <source>A name has at most {most} characters.</source>
            <translation>Um nome tem no máximo {most} caracteres.</translation>
        </message>
        <message>
            <source>Unknown currency {code!r}: use a three-letter ISO 4217 code such as EUR, USD or JPY.</source>
            <translation>Moeda desconhecida {code!r}: use um código ISO 4217 de três letras, como EUR, USD ou JPY.</translation>
        </message>
        <message>
            <source>Cannot combine amounts in {first} and {second}: they are different currencies.</source>
            <translation>Não é possível combinar valores em {first} e {second}: são moedas diferentes.</translation>
        </message>
        <message>
            <source>The amount {text} has too many decimals: {currency} has no decimals.</source>
            <translation>O valor {text} tem demasiadas casas decimais: {currency} não tem casas decimais.</translation>
        </message>
        <message>
            <source>The amount {text} has too many decimals: {currency} has at most 1 decimal.</source>
            <translation>O valor {text} tem demasiadas casas decimais: {currency} tem no máximo 1 casa decimal.</translation>
        </message>
        <message>
            <source>The amount {text} has too many decimals: {currency} has at most {digits} decimals.</source>
            <translation>O valor {text} tem demasiadas casas decimais: {currency} tem no máximo {digits} casas decimais.</translation>
        </message>
        <message>
            <source>The quantity cannot be negative ({quantity}). To take goods back, start a return instead.</source>
            <translation>A quantidade não pode ser negativa ({quantity}). Para receber artigos de volta, inicie antes uma devolução.</translation>
        </message>
        <message>
            <source>Unknown tax code {code!r}: this store has no such tax rate. Known tax codes: {known}.</source>
            <translation>Código de imposto desconhecido {code!r}: esta loja não tem essa taxa. Códigos de imposto conhecidos: {known}.</translation>
        </message>
        <message>
            <source>Unknown tax code {code!r}: this store has no such tax rate.</source>
            <translation>Código de imposto desconhecido {code!r}: esta loja não tem essa taxa.</translation>
        </message>
        <message>
            <source>That line is no longer in the sale (line {line_id!r}).</source>
            <translation>Essa linha já não está na venda (linha {line_id!r}).</translation>
        </message>
        <message>
            <source>Setting {setting!r}: {reason}</source>
            <translation>Definição {setting!r}: {reason}</translation>
        </message>
        <message>
            <source>This is not a product barcode this till understands.</source>
            <translation>Este não é um código de barras de produto que esta caixa reconheça.</translation>
        </message>
        <message>
            <source>This barcode did not scan correctly (check digit). Scan it again or type it.</source>
            <translation>Este código de barras não foi lido corretamente (dígito de controlo). Leia-o novamente ou escreva-o.</translation>
        </message>
        <message>
            <source>The price or weight on this in-store label did not scan correctly (its check digit). Scan it again or type it.</source>
            <translation>O preço ou o peso desta etiqueta da loja não foi lido corretamente (dígito de controlo). Leia-a novamente ou escreva-o.</translation>
        </message>
        <message>
            <source>GS1 code refused: {detail}. Scan it again; if it is refused again, put the item aside and call a manager.</source>
            <translation>Código GS1 recusado: {detail}. Leia-o novamente; se for recusado outra vez, ponha o artigo de lado e chame um gerente.</translation>
        </message>
        <message>
            <source>This is not a product barcode this till understands. (symbology {aim})</source>
            <translation>Este não é um código de barras de produto que esta caixa reconheça. (simbologia {aim})</translation>
        </message>
        <message>
            <source>{value!r} is not a date and time.</source>
            <translation>{value!r} não é uma data e hora.</translation>
        </message>
        <message>
            <source>{what} must be exact (a whole number or a text like '1.5'), not {value!r}.</source>
            <translation>{what} deve ser exato (um número inteiro ou um texto como '1.5'), não {value!r}.</translation>
        </message>
        <message>
            <source>{what} {value!r} is not a number.</source>
            <translation>{what} {value!r} não é um número.</translation>
        </message>
        <message>
            <source>{what} cannot be negative ({value}).</source>
            <translation>{what} não pode ser negativo ({value}).</translation>
        </message>
        <message>
            <source>Points promotion {promo} ends before it starts.</source>
            <translation>A promoção de pontos {promo} termina antes de começar.</translation>
        </message>
        <message>
            <source>{name} must be a whole number of points, not {value!r}.</source>
            <translation>{name} deve ser um número inteiro de pontos, não {value!r}.</translation>
        </message>
        <message>
            <source>A redeem step needs some points and some value.</source>
            <translation>Um passo de resgate precisa de pontos e de um valor.</translation>
        </message>
        <message>
            <source>A line of {sku} cannot have been paid {paid}.</source>
            <translation>Uma linha de {sku} não pode ter sido paga {paid}.</translation>
        </message>
        <message>
            <source>A points tender of {points_paid} does not fit the sale.</source>
            <translation>Um pagamento em pontos de {points_paid} não cabe na venda.</translation>
        </message>
        <message>
            <source>{units} {currency} is not a whole number of minor units.</source>
            <translation>{units} {currency} não é um número inteiro de unidades mínimas.</translation>
        </message>
        <message>
            <source>{points!r} is not a number of points.</source>
            <translation>{points!r} não é um número de pontos.</translation>
        </message>
        <message>
            <source>Points pay in steps of {step} minor units of {currency}; {amount!r} is not one.</source>
            <translation>Os pontos pagam em passos de {step} unidades mínimas de {currency}; {amount!r} não o é.</translation>
        </message>
        <message>
            <source>The loyalty programme could not be read ({error}).</source>
            <translation>Não foi possível ler o programa de fidelização ({error}).</translation>
        </message>
        <message>
            <source>{units} units after {before} of {quantity} cannot be returned.</source>
            <translation>{units} unidades depois de {before} de {quantity} não podem ser devolvidas.</translation>
        </message>
        <message>
            <source>There is no loyalty programme {programme_id!r}.</source>
            <translation>Não existe o programa de fidelização {programme_id!r}.</translation>
        </message>
        <message>
            <source>A measured quantity must be an exact number above 0 (and at most {most:,}), not {quantity!r}.</source>
            <translation>Uma quantidade medida tem de ser um número exato maior que 0 (e no máximo {most:,}), não {quantity!r}.</translation>
        </message>
        <message>
            <source>The measured quantity {quantity:f} has more than {most} decimals.</source>
            <translation>A quantidade medida {quantity:f} tem mais de {most} casas decimais.</translation>
        </message>
        <message>
            <source>Unknown unit {unit!r}; a line is sold by {units}.</source>
            <translation>Unidade desconhecida {unit!r}; uma linha é vendida em {units}.</translation>
        </message>
        <message>
            <source>Unknown unit {unit!r} to price by.</source>
            <translation>Unidade de preço desconhecida {unit!r}.</translation>
        </message>
        <message>
            <source>{unit} cannot be priced per {per}: only weights convert.</source>
            <translation>{unit} não pode ter preço por {per}: só os pesos se convertem.</translation>
        </message>
        <message>
            <source>A price per {unit} must be a whole number of minor units &gt;= 0, not {price!r}.</source>
            <translation>Um preço por {unit} tem de ser um número inteiro de unidades menores &gt;= 0, não {price!r}.</translation>
        </message>
        <message>
            <source>A weight must be a whole number of grams above 0, not {grams!r}.</source>
            <translation>Um peso tem de ser um número inteiro de gramas maior que 0, não {grams!r}.</translation>
        </message>
        <message>
            <source>A saved measure could not be read ({why}): {data!r}.</source>
            <translation>Não foi possível ler uma medida guardada ({why}): {data!r}.</translation>
        </message>
        <message>
            <source>An amount must be a whole number of minor units, not {minor!r} ({kind}).</source>
            <translation>Um valor tem de ser um número inteiro de unidades menores, não {minor!r} ({kind}).</translation>
        </message>
        <message>
            <source>An amount must be text, a Decimal or a whole number, not {kind}.</source>
            <translation>Um valor tem de ser texto, um Decimal ou um número inteiro, não {kind}.</translation>
        </message>
        <message>
            <source>{value!r} is not an amount.</source>
            <translation>{value!r} não é um valor.</translation>
        </message>
        <message>
            <source>Unknown locale {locale!r} for showing amounts.</source>
            <translation>Localização desconhecida {locale!r} para mostrar valores.</translation>
        </message>
        <message>
            <source>Cannot split an amount over nothing.</source>
            <translation>Não é possível repartir um valor por nada.</translation>
        </message>
        <message>
            <source>A split weight must be exact, not {weight!r}.</source>
            <translation>Um peso de repartição tem de ser exato, não {weight!r}.</translation>
        </message>
        <message>
            <source>A split weight cannot be negative.</source>
            <translation>Um peso de repartição não pode ser negativo.</translation>
        </message>
        <message>
            <source>Cannot split an amount when every share is zero.</source>
            <translation>Não é possível repartir um valor quando todas as partes são zero.</translation>
        </message>
        <message>
            <source>An offer is a coupon or a promotion, not {kind!r}.</source>
            <translation>Uma oferta é um cupão ou uma promoção, não {kind!r}.</translation>
        </message>
        <message>
            <source>Offer {code} needs a percent or an amount, not both or neither.</source>
            <translation>A oferta {code} precisa de uma percentagem ou de um valor, não ambos nem nenhum.</translation>
        </message>
        <message>
            <source>Offer {code} has an impossible value {value!r}.</source>
            <translation>A oferta {code} tem um valor impossível {value!r}.</translation>
        </message>
        <message>
            <source>A saved offer could not be read ({error}).</source>
            <translation>Não foi possível ler uma oferta guardada ({error}).</translation>
        </message>
        <message>
            <source>{text!r} is not a date and time.</source>
            <translation>{text!r} não é uma data e hora.</translation>
        </message>
        <message>
            <source>Card blocked by the bank: do not try it again. Ask for another card or another way to pay.</source>
            <translation>Cartão bloqueado pelo banco: não o tente de novo. Peça outro cartão ou outra forma de pagamento.</translation>
        </message>
        <message>
            <source>Card declined by the bank. Ask for another card or another way to pay.</source>
            <translation>Cartão recusado pelo banco. Peça outro cartão ou outra forma de pagamento.</translation>
        </message>
        <message>
            <source>Card declined: the customer must call their bank. Ask for another card or cash.</source>
            <translation>Cartão recusado: o cliente tem de ligar para o seu banco. Peça outro cartão ou numerário.</translation>
        </message>
        <message>
            <source>Card declined: not enough funds. Ask for another card or another way to pay.</source>
            <translation>Cartão recusado: saldo insuficiente. Peça outro cartão ou outra forma de pagamento.</translation>
        </message>
        <message>
            <source>Card expired. Ask for another card.</source>
            <translation>Cartão expirado. Peça outro cartão.</translation>
        </message>
        <message>
            <source>Wrong PIN. Ask the customer to try again.</source>
            <translation>PIN errado. Peça ao cliente para tentar de novo.</translation>
        </message>
        <message>
            <source>Too many wrong PINs: this card cannot be used now. Ask for another card or cash.</source>
            <translation>Demasiados PIN errados: este cartão não pode ser usado agora. Peça outro cartão ou numerário.</translation>
        </message>
        <message>
            <source>Card over its limit. Ask for another card or another way to pay.</source>
            <translation>Cartão acima do limite. Peça outro cartão ou outra forma de pagamento.</translation>
        </message>
        <message>
            <source>The card could not be processed. Try the card again.</source>
            <translation>Não foi possível processar o cartão. Tente o cartão de novo.</translation>
        </message>
        <message>
            <source>Card declined: security check failed. Ask for another card.</source>
            <translation>Cartão recusado: a verificação de segurança falhou. Peça outro cartão.</translation>
        </message>
        <message>
            <source>Card payments are unavailable (no connection to Stripe). Take cash or another tender.</source>
            <translation>Os pagamentos com cartão não estão disponíveis (sem ligação à Stripe). Aceite numerário ou outro meio de pagamento.</translation>
        </message>
        <message>
            <source>The reader accepted the card but Stripe has not confirmed the payment yet. Do not take another tender: press Pay again in a moment to check.</source>
            <translation>O leitor aceitou o cartão mas a Stripe ainda não confirmou o pagamento. Não aceite outro meio de pagamento: prima Pagar de novo daqui a pouco para verificar.</translation>
        </message>
        <message>
            <source>Stripe had an error and could not start the card payment; the card was not charged. Press Pay to try again, or take another tender.</source>
            <translation>A Stripe teve um erro e não conseguiu iniciar o pagamento com cartão; o cartão não foi cobrado. Prima Pagar para tentar de novo, ou aceite outro meio de pagamento.</translation>
        </message>
        <message>
            <source>The card payment was cancelled; the card was not charged. Take the other tender.</source>
            <translation>O pagamento com cartão foi cancelado; o cartão não foi cobrado. Aceite o outro meio de pagamento.</translation>
        </message>
        <message>
            <source>The card had been authorised, but this sale has changed since: that authorisation was released and the card was not charged. Take the other tender.</source>
            <translation>O cartão tinha sido autorizado, mas esta venda mudou entretanto: essa autorização foi libertada e o cartão não foi cobrado. Aceite o outro meio de pagamento.</translation>
        </message>
        <message>
            <source>The card payment went through after all and is now recorded on this sale. Do not take that amount again in cash or another tender.</source>
            <translation>O pagamento com cartão acabou por ser aceite e está agora registado nesta venda. Não cobre esse valor de novo em numerário ou outro meio de pagamento.</translation>
        </message>
        <message>
            <source>An earlier card payment for this sale cannot be checked now (no connection to Stripe), so the card may have been charged. Do not take cash or another tender yet: try again in a moment, or press Pay to finish by card. If Stripe stays unreachable, suspend the sale and call a manager.</source>
            <translation>Um pagamento com cartão anterior desta venda não pode ser verificado agora (sem ligação à Stripe), por isso o cartão pode ter sido cobrado. Não aceite ainda numerário nem outro meio de pagamento: tente de novo daqui a pouco, ou prima Pagar para concluir com cartão. Se a Stripe continuar inacessível, suspenda a venda e chame um gerente.</translation>
        </message>
        <message>
            <source>Stripe is still processing the card payment for this sale. Do not take another tender yet: try again in a moment.</source>
            <translation>A Stripe ainda está a processar o pagamento com cartão desta venda. Não aceite ainda outro meio de pagamento: tente de novo daqui a pouco.</translation>
        </message>
        <message>
            <source>A card payment is running for this sale: let it finish or cancel it first.</source>
            <translation>Está a decorrer um pagamento com cartão nesta venda: deixe-o terminar ou cancele-o primeiro.</translation>
        </message>
        <message>
            <source>The card was charged, but that payment cannot be added to this sale. Do not take another tender: call a manager to refund the card or correct the sale.</source>
            <translation>O cartão foi cobrado, mas esse pagamento não pode ser adicionado a esta venda. Não aceite outro meio de pagamento: chame um gerente para reembolsar o cartão ou corrigir a venda.</translation>
        </message>
        <message>
            <source>The customer cancelled on the reader. Ask how they want to pay.</source>
            <translation>O cliente cancelou no leitor. Pergunte como quer pagar.</translation>
        </message>
        <message>
            <source>The reader stopped waiting for a card. Press Pay to try again.</source>
            <translation>O leitor deixou de esperar por um cartão. Prima Pagar para tentar de novo.</translation>
        </message>
        <message>
            <source>The payment was cancelled.</source>
            <translation>O pagamento foi cancelado.</translation>
        </message>
        <message>
            <source>The reader could not take the card ({code}). Try again or take another tender.</source>
            <translation>O leitor não conseguiu aceitar o cartão ({code}). Tente de novo ou aceite outro meio de pagamento.</translation>
        </message>
        <message>
            <source>Nothing to pay by card.</source>
            <translation>Nada a pagar com cartão.</translation>
        </message>
        <message>
            <source>This card payment is already in progress.</source>
            <translation>Este pagamento com cartão já está a decorrer.</translation>
        </message>
        <message>
            <source>Cancel the running card payment first.</source>
            <translation>Cancele primeiro o pagamento com cartão em curso.</translation>
        </message>
        <message>
            <source>This card payment is being settled; try again in a moment.</source>
            <translation>Este pagamento com cartão está a ser regularizado; tente de novo daqui a pouco.</translation>
        </message>
        <message>
            <source>Card payment cancelled.</source>
            <translation>Pagamento com cartão cancelado.</translation>
        </message>
        <message>
            <source>An earlier card payment for this sale needs a manager.</source>
            <translation>Um pagamento com cartão anterior desta venda precisa de um gerente.</translation>
        </message>
        <message>
            <source>The reader stopped the payment. Press Pay to try again.</source>
            <translation>O leitor interrompeu o pagamento. Prima Pagar para tentar de novo.</translation>
        </message>
        <message>
            <source>The card was charged before the cancel reached it; the sale is paid.</source>
            <translation>O cartão foi cobrado antes de o cancelamento chegar; a venda está paga.</translation>
        </message>
        <message>
            <source>The card had already been tapped; that authorisation was released. Card payment cancelled.</source>
            <translation>O cartão já tinha sido aproximado; essa autorização foi libertada. Pagamento com cartão cancelado.</translation>
        </message>
        <message>
            <source>The sale is already completed; it cannot be re-tendered.</source>
            <translation>A venda já está concluída; não pode ser paga de novo.</translation>
        </message>
        <message>
            <source>The card was NOT charged: its authorisation was cancelled after the sale was recorded. Call a manager before the customer leaves.</source>
            <translation>O cartão NÃO foi cobrado: a sua autorização foi cancelada depois de a venda ser registada. Chame um gerente antes de o cliente sair.</translation>
        </message>
        <message>
            <source>Line {line_no} is not on {document}.</source>
            <translation>A linha {line_no} não está em {document}.</translation>
        </message>
        <message>
            <source>The tax code {code!r} of this purchase is not in this store's tax table: it cannot be refunded here. Call a manager.</source>
            <translation>O código de imposto {code!r} desta compra não está na tabela de impostos desta loja: não pode ser reembolsado aqui. Chame um gerente.</translation>
        </message>
        <message>
            <source>A quantity to return cannot be negative.</source>
            <translation>Uma quantidade a devolver não pode ser negativa.</translation>
        </message>
        <message>
            <source>Line {line_no} is picked twice.</source>
            <translation>A linha {line_no} foi escolhida duas vezes.</translation>
        </message>
        <message>
            <source>Pick at least one item to take back.</source>
            <translation>Escolha pelo menos um artigo a receber de volta.</translation>
        </message>
        <message>
            <source>Refund to {to!r}? Choose the original payment or store credit.</source>
            <translation>Reembolsar para {to!r}? Escolha o pagamento original ou o crédito de loja.</translation>
        </message>
        <message>
            <source>Scan the items the customer brings back.</source>
            <translation>Leia os artigos que o cliente traz de volta.</translation>
        </message>
        <message>
            <source>Two items of the return share a line number.</source>
            <translation>Dois artigos da devolução têm o mesmo número de linha.</translation>
        </message>
        <message>
            <source>Scale label {label}: item {item} is not in the catalog.</source>
            <translation>Etiqueta da balança {label}: o artigo {item} não está no catálogo.</translation>
        </message>
        <message>
            <source>Barcode {gtin} is not in the catalog. Put the item aside and search for it by name.</source>
            <translation>O código de barras {gtin} não está no catálogo. Ponha o artigo de lado e procure-o pelo nome.</translation>
        </message>
        <message>
            <source>GTIN {gtin} is not in the catalog. Put the item aside and search for it by name.</source>
            <translation>O GTIN {gtin} não está no catálogo. Ponha o artigo de lado e procure-o pelo nome.</translation>
        </message>
        <message>
            <source>{name} expired on {date}: it must not be sold. Put it aside and tell a manager.</source>
            <translation>{name} expirou em {date}: não pode ser vendido. Ponha-o de lado e avise um gerente.</translation>
        </message>
        <message>
            <source>The label of {name} says it weighs nothing. Weigh it again.</source>
            <translation>A etiqueta de {name} indica que não pesa nada. Pese-o novamente.</translation>
        </message>
        <message>
            <source>The label of {name} counts no pieces. Print a new label.</source>
            <translation>A etiqueta de {name} não conta nenhuma peça. Imprima uma etiqueta nova.</translation>
        </message>
        <message>
            <source>The price on this label is in {label_currency}; this till sells in {currency}. Put the item aside and call a manager.</source>
            <translation>O preço desta etiqueta está em {label_currency}; esta caixa vende em {currency}. Ponha o artigo de lado e chame um gerente.</translation>
        </message>
        <message>
            <source>cashier</source>
            <translation>operador</translation>
        </message>
        <message>
            <source>associate</source>
            <translation>assistente</translation>
        </message>
        <message>
            <source>manager</source>
            <translation>gerente</translation>
        </message>
        <message>
            <source>Selling</source>
            <translation>Vender</translation>
        </message>
        <message>
            <source>A discount</source>
            <translation>Um desconto</translation>
        </message>
        <message>
            <source>Changing a price</source>
            <translation>Alterar um preço</translation>
        </message>
        <message>
            <source>A quantity above the limit</source>
            <translation>Uma quantidade acima do limite</translation>
        </message>
        <message>
            <source>Removing a line</source>
            <translation>Remover uma linha</translation>
        </message>
        <message>
            <source>Suspending a sale</source>
            <translation>Suspender uma venda</translation>
        </message>
        <message>
            <source>Voiding the sale</source>
            <translation>Anular a venda</translation>
        </message>
        <message>
            <source>Opening the drawer without a sale</source>
            <translation>Abrir a gaveta sem venda</translation>
        </message>
        <message>
            <source>A refund</source>
            <translation>Um reembolso</translation>
        </message>
        <message>
            <source>A return without a receipt</source>
            <translation>Uma devolução sem talão</translation>
        </message>
        <message>
            <source>A return the backend cannot check</source>
            <translation>Uma devolução que o backend não pode verificar</translation>
        </message>
        <message>
            <source>Handing over an order</source>
            <translation>Entregar uma encomenda</translation>
        </message>
        <message>
            <source>Looking up a member</source>
            <translation>Procurar um membro</translation>
        </message>
        <message>
            <source>Reprinting a receipt</source>
            <translation>Reimprimir um talão</translation>
        </message>
        <message>
            <source>Opening the till</source>
            <translation>Abrir a caixa</translation>
        </message>
        <message>
            <source>Closing the till</source>
            <translation>Fechar a caixa</translation>
        </message>
        <message>
            <source>Reports</source>
            <translation>Relatórios</translation>
        </message>
        <message>
            <source>Approving for someone else</source>
            <translation>Aprovar por outra pessoa</translation>
        </message>
        <message>
            <source>Changing settings</source>
            <translation>Alterar as definições</translation>
        </message>
        <message>
            <source>Discount {percent}</source>
            <translation>Desconto de {percent}</translation>
        </message>
        <message>
            <source>{what} needs a manager</source>
            <translation>{what}: precisa de um gerente</translation>
        </message>
        <message>
            <source>Welcome, {name}.</source>
            <translation>Bem-vindo/a, {name}.</translation>
        </message>
        <message>
            <source>A PIN is 4 to 8 digits.</source>
            <translation>Um PIN tem de 4 a 8 dígitos.</translation>
        </message>
        <message>
            <source>A manager's PIN needs at least 6 digits here. Set a longer one (omo-pos staff set-pin).</source>
            <translation>Aqui o PIN de um gerente precisa de pelo menos 6 dígitos. Defina um mais longo (omo-pos staff set-pin).</translation>
        </message>
        <message>
            <source>Too many wrong PINs. Try again in {wait}, or ask a manager.</source>
            <translation>Demasiados PINs errados. Tente de novo dentro de {wait} ou chame um gerente.</translation>
        </message>
        <message>
            <source>Wrong PIN. 1 try left.</source>
            <translation>PIN errado. Resta 1 tentativa.</translation>
        </message>
        <message>
            <source>Wrong PIN. {left} tries left.</source>
            <translation>PIN errado. Restam {left} tentativas.</translation>
        </message>
        <message>
            <source>1 second</source>
            <translation>1 segundo</translation>
        </message>
        <message>
            <source>{seconds} seconds</source>
            <translation>{seconds} segundos</translation>
        </message>
        <message>
            <source>{minutes} min {seconds} s</source>
            <translation>{minutes} min {seconds} s</translation>
        </message>
        <message>
            <source>Approved by {name}.</source>
            <translation>Aprovado por {name}.</translation>
        </message>
        <message>
            <source>{name} ({role}) cannot approve this. A manager must enter their PIN.</source>
            <translation>{name} ({role}) não pode aprovar isto. Um gerente tem de introduzir o seu PIN.</translation>
        </message>
        <message>
            <source>Type a reason first.</source>
            <translation>Escreva primeiro um motivo.</translation>
        </message>
        <message>
            <source>{what} needs a manager's approval; nothing changed.</source>
            <translation>{what} precisa da aprovação de um gerente; nada foi alterado.</translation>
        </message>
        <message>
            <source>{value!r} is not one of {choices}.</source>
            <translation>{value!r} não é um de {choices}.</translation>
        </message>
        <message>
            <source>{locale!r} is not a known locale (for example 'it_IT', 'ja_JP').</source>
            <translation>{locale!r} não é uma localização conhecida (por exemplo 'it_IT', 'ja_JP').</translation>
        </message>
        <message>
            <source>expects true or false, got {value!r}.</source>
            <translation>espera true ou false, recebeu {value!r}.</translation>
        </message>
        <message>
            <source>expects a whole number &gt;= 1, got {value!r}.</source>
            <translation>espera um número inteiro &gt;= 1, recebeu {value!r}.</translation>
        </message>
        <message>
            <source>the store needs at least one tax rate (0% counts).</source>
            <translation>a loja precisa de pelo menos uma taxa de imposto (0% conta).</translation>
        </message>
        <message>
            <source>{rate!r} is not a tax rate.</source>
            <translation>{rate!r} não é uma taxa de imposto.</translation>
        </message>
        <message>
            <source>the tax code {code!r} appears twice.</source>
            <translation>o código de imposto {code!r} aparece duas vezes.</translation>
        </message>
        <message>
            <source>The store settings must be a table, got {kind}.</source>
            <translation>As definições da loja têm de ser uma tabela, recebeu {kind}.</translation>
        </message>
        <message>
            <source>Unknown store setting(s): {names}.</source>
            <translation>Definições da loja desconhecidas: {names}.</translation>
        </message>
        <message>
            <source>missing: every store needs it.</source>
            <translation>em falta: todas as lojas precisam dela.</translation>
        </message>
        <message>
            <source>expects a list of {code, percent, label} tables.</source>
            <translation>espera uma lista de tabelas {code, percent, label}.</translation>
        </message>
        <message>
            <source>a store without a preset needs its tax rates (for example STANDARD=8.875; ZERO=0).</source>
            <translation>uma loja sem predefinição precisa das suas taxas de imposto (por exemplo STANDARD=8.875; ZERO=0).</translation>
        </message>
        <message>
            <source>there is no preset {preset!r}. Choose one of {presets}, or none and give the store's own tax rates.</source>
            <translation>não existe a predefinição {preset!r}. Escolha uma de {presets}, ou none e indique as taxas da loja.</translation>
        </message>
        <message>
            <source>the preset {preset} is for a store in {preset_country}, not in {country} (the store's country).</source>
            <translation>a predefinição {preset} é para uma loja em {preset_country}, não em {country} (o país da loja).</translation>
        </message>
        <message>
            <source>fewer are left to return on that sale than asked</source>
            <translation>nessa venda resta para devolver menos do que o pedido</translation>
        </message>
        <message>
            <source>the refund is more than what is left of that sale's payment</source>
            <translation>o reembolso é superior ao que resta do pagamento dessa venda</translation>
        </message>
        <message>
            <source>this return was claimed with other lines</source>
            <translation>esta devolução foi pedida com outras linhas</translation>
        </message>
        <message>
            <source>this return was given up; start it again</source>
            <translation>esta devolução foi abandonada; comece-a de novo</translation>
        </message>
        <message>
            <source>this return was completed; it cannot be given up</source>
            <translation>esta devolução foi concluída; não pode ser abandonada</translation>
        </message>
        <message>
            <source>it is in another currency</source>
            <translation>está noutra moeda</translation>
        </message>
        <message>
            <source>this store credit payment was made before for another amount</source>
            <translation>este pagamento com vale já foi feito por outro valor</translation>
        </message>
        <message>
            <source>this store credit payment was given back; make a new one</source>
            <translation>este pagamento com vale foi devolvido; faça um novo</translation>
        </message>
        <message>
            <source>the sale this store credit paid is recorded already</source>
            <translation>a venda paga com este vale já está registada</translation>
        </message>
        <message>
            <source>not enough is left on this store credit</source>
            <translation>não resta o suficiente neste vale</translation>
        </message>
        <message>
            <source>not enough left to promise there</source>
            <translation>não resta o suficiente para prometer aí</translation>
        </message>
        <message>
            <source>this request was used for another order</source>
            <translation>este pedido foi usado para outra encomenda</translation>
        </message>
        <message>
            <source>the order is paid already</source>
            <translation>a encomenda já está paga</translation>
        </message>
        <message>
            <source>the order is not paid yet</source>
            <translation>a encomenda ainda não está paga</translation>
        </message>
        <message>
            <source>Tax rate {code!r}</source>
            <translation>Taxa de imposto {code!r}</translation>
        </message>
        <message>
            <source>{what}: {value!r} is not a percent.</source>
            <translation>{what}: {value!r} não é uma percentagem.</translation>
        </message>
        <message>
            <source>{what}: write the percent exactly, as text or a whole number (percent = "8.875"), not {value!r}.</source>
            <translation>{what}: escreva a percentagem de forma exata, como texto ou número inteiro (percent = "8.875"), não {value!r}.</translation>
        </message>
        <message>
            <source>{what}: {percent} is not a valid percent (0 to under {most}).</source>
            <translation>{what}: {percent} não é uma percentagem válida (de 0 a menos de {most}).</translation>
        </message>
        <message>
            <source>{what}: {percent:f}% has more decimals than the till keeps (at most {decimals}).</source>
            <translation>{what}: {percent:f}% tem mais casas decimais do que a caixa guarda (no máximo {decimals}).</translation>
        </message>
        <message>
            <source>A tax rate needs a code, got {code!r}.</source>
            <translation>Uma taxa de imposto precisa de um código, recebeu {code!r}.</translation>
        </message>
        <message>
            <source>A tax rate needs a code and a percent, got {data!r}.</source>
            <translation>Uma taxa de imposto precisa de um código e de uma percentagem, recebeu {data!r}.</translation>
        </message>
        <message>
            <source>{entry!r} is not CODE=PERCENT (for example STANDARD=8.875).</source>
            <translation>{entry!r} não é CÓDIGO=PERCENTAGEM (por exemplo STANDARD=8.875).</translation>
        </message>
        <message>
            <source>{value} is not a note or coin of {currency}.</source>
            <translation>{value} não é uma nota ou moeda de {currency}.</translation>
        </message>
        <message>
            <source>A count cannot be negative.</source>
            <translation>Uma contagem não pode ser negativa.</translation>
        </message>
        <message>
            <source>The card reader is busy (updating, or a card is still in it). Wait until it is free, then press Pay again.</source>
            <translation>O leitor de cartões está ocupado (a atualizar, ou ainda tem um cartão). Espere que fique livre e prima Pagar de novo.</translation>
        </message>
        <message>
            <source>The card reader is offline. Check its power and network cable or Wi-Fi, or take another tender.</source>
            <translation>O leitor de cartões está offline. Verifique a alimentação e o cabo de rede ou o Wi-Fi, ou aceite outro meio de pagamento.</translation>
        </message>
        <message>
            <source>The card reader did not answer in time. Checking whether the payment went through…</source>
            <translation>O leitor de cartões não respondeu a tempo. A verificar se o pagamento foi feito…</translation>
        </message>
        <message>
            <source>The card reader reported a fault. Restart it, or take another tender.</source>
            <translation>O leitor de cartões indicou uma avaria. Reinicie-o, ou aceite outro meio de pagamento.</translation>
        </message>
        <message>
            <source>Stripe refused this till's key (revoked or expired). Card payments are off: take cash, and ask a manager to install a new key.</source>
            <translation>A Stripe recusou a chave desta caixa (revogada ou expirada). Os pagamentos com cartão estão desligados: aceite numerário e peça a um gerente que instale uma chave nova.</translation>
        </message>
        <message>
            <source>The card reader {reader} is no longer in this store's Stripe account (deleted or never registered). Card payments are off: take cash, and ask a manager to pick another reader (omo-pos reader list) and set it as stripe.reader_id.</source>
            <translation>O leitor de cartões {reader} já não está na conta Stripe desta loja (apagado ou nunca registado). Os pagamentos com cartão estão desligados: aceite numerário e peça a um gerente que escolha outro leitor (omo-pos reader list) e o defina como stripe.reader_id.</translation>
        </message>
        <message>
            <source>This till's Stripe key is not allowed to do this. Card payments are off: take cash, and ask a manager to fix the key's permissions.</source>
            <translation>A chave Stripe desta caixa não tem permissão para isto. Os pagamentos com cartão estão desligados: aceite numerário e peça a um gerente que corrija as permissões da chave.</translation>
        </message>
        <message>
            <source>This till holds a full live secret key. A manager must install a restricted key (rk_…) or explicitly allow the secret key.</source>
            <translation>Esta caixa tem uma chave secreta live completa. Um gerente tem de instalar uma chave restrita (rk_…) ou permitir explicitamente a chave secreta.</translation>
        </message>
        <message>
            <source>The Stripe key in the keyring is not a Stripe API key. Ask a manager.</source>
            <translation>A chave no porta-chaves não é uma chave da API Stripe. Chame um gerente.</translation>
        </message>
        <message>
            <source>The system keyring is not available, so the Stripe key cannot be read. Card payments are off; ask a manager.</source>
            <translation>O porta-chaves do sistema não está disponível, por isso a chave Stripe não pode ser lida. Os pagamentos com cartão estão desligados; chame um gerente.</translation>
        </message>
        <message>
            <source>No Stripe key is set up on this till. Card payments are off; ask a manager.</source>
            <translation>Não há nenhuma chave Stripe configurada nesta caixa. Os pagamentos com cartão estão desligados; chame um gerente.</translation>
        </message>
        <message>
            <source>Stripe is overloaded right now. Try again in a moment, or take cash.</source>
            <translation>A Stripe está sobrecarregada neste momento. Tente de novo daqui a pouco, ou aceite numerário.</translation>
        </message>
        <message>
            <source>The payment request clashed with an earlier one. Call a manager.</source>
            <translation>O pedido de pagamento entrou em conflito com um anterior. Chame um gerente.</translation>
        </message>
        <message>
            <source>Stripe refused the request ({code}). Take another tender or call a manager.</source>
            <translation>A Stripe recusou o pedido ({code}). Aceite outro meio de pagamento ou chame um gerente.</translation>
        </message>
        <message>
            <source>Card payments are unavailable: the store's connection to the chain's payment service is down. Take cash or another tender.</source>
            <translation>Os pagamentos com cartão não estão disponíveis: a ligação da loja ao serviço de pagamentos da cadeia está em baixo. Aceite numerário ou outro meio de pagamento.</translation>
        </message>
        <message>
            <source>Card payments are slow: the chain's payment service is busy and did not take this request in time. Press Pay again in a moment, or take cash or another tender.</source>
            <translation>Pagamentos com cartão lentos: o serviço de pagamento da cadeia está ocupado e não aceitou este pedido a tempo. Prima Pagar novamente daqui a pouco, ou aceite dinheiro ou outro meio de pagamento.</translation>
        </message>
        <message>
            <source>The backend does not know what was asked for ({what}).</source>
            <translation>O backend não conhece o que foi pedido ({what}).</translation>
        </message>
        <message>
            <source>The till cannot read its backend device token from the system keyring. Ask a manager to check the till's set-up.</source>
            <translation>A caixa não consegue ler o seu token do backend no porta-chaves do sistema. Peça a um gerente que verifique a configuração da caixa.</translation>
        </message>
        <message>
            <source>This till has no backend device token yet. Ask a manager to register the till.</source>
            <translation>Esta caixa ainda não tem token do backend. Peça a um gerente que registe a caixa.</translation>
        </message>
        <message>
            <source>The OMO backend's certificate could not be verified, so the till will not talk to it. Ask a manager to check the backend address and certificate. Sales are kept.</source>
            <translation>Não foi possível verificar o certificado do backend OMO, por isso a caixa não comunica com ele. Peça a um gerente que verifique o endereço e o certificado do backend. As vendas ficam guardadas.</translation>
        </message>
        <message>
            <source>The OMO backend cannot be reached. Sales are kept and sent later.</source>
            <translation>O backend OMO não está acessível. As vendas ficam guardadas e são enviadas mais tarde.</translation>
        </message>
        <message>
            <source>The connection to the OMO backend broke off. It will be retried.</source>
            <translation>A ligação ao backend OMO foi interrompida. Será tentada de novo.</translation>
        </message>
        <message>
            <source>The OMO backend had a problem (HTTP {status}).</source>
            <translation>O backend OMO teve um problema (HTTP {status}).</translation>
        </message>
        <message>
            <source>The OMO backend sent an unreadable answer. It will be retried.</source>
            <translation>O backend OMO enviou uma resposta ilegível. Será tentado de novo.</translation>
        </message>
        <message>
            <source>The OMO backend gave an unexpected answer (HTTP {status}).</source>
            <translation>O backend OMO deu uma resposta inesperada (HTTP {status}).</translation>
        </message>
        <message>
            <source>The OMO backend sent an answer this till does not understand.</source>
            <translation>O backend OMO enviou uma resposta que esta caixa não entende.</translation>
        </message>
        <message>
            <source>The OMO backend does not accept this till's device token (it was revoked). Ask a manager to register the till again. Sales are kept.</source>
            <translation>O backend OMO não aceita o token desta caixa (foi revogado). Peça a um gerente que registe a caixa de novo. As vendas ficam guardadas.</translation>
        </message>
        <message>
            <source>The OMO backend does not accept this till's device token. Ask a manager to register the till again. Sales are kept.</source>
            <translation>O backend OMO não aceita o token desta caixa. Peça a um gerente que registe a caixa de novo. As vendas ficam guardadas.</translation>
        </message>
        <message>
            <source>The OMO backend refused the request: {why}</source>
            <translation>O backend OMO recusou o pedido: {why}</translation>
        </message>
        <message>
            <source>The OMO backend is busy or has a problem (HTTP {status}).</source>
            <translation>O backend OMO está ocupado ou tem um problema (HTTP {status}).</translation>
        </message>
        <message>
            <source>The OMO backend's answer does not match the events sent. It will be retried.</source>
            <translation>A resposta do backend OMO não corresponde aos eventos enviados. Será tentado de novo.</translation>
        </message>
        <message>
            <source>The OMO backend's copy of this till's audit log differs from this till's.</source>
            <translation>A cópia do registo de auditoria desta caixa no backend OMO difere da desta caixa.</translation>
        </message>
        <message>
            <source>Another sync worker is already sending this till's sales ({folder}). Only one may run at a time.</source>
            <translation>Outro processo de sincronização já está a enviar as vendas desta caixa ({folder}). Só pode correr um de cada vez.</translation>
        </message>
        <message>
            <source>The OMO backend cannot be reached.</source>
            <translation>O backend OMO não está acessível.</translation>
        </message>
        <message>
            <source>The OMO backend cannot be reached: search by name needs it.</source>
            <translation>O backend OMO não está acessível: a pesquisa por nome precisa dele.</translation>
        </message>
    </context>
    <context>
        <name>CameraDock</name>
        <message>
            <source>Camera</source>
            <translation>Câmara</translation>
        </message>
    </context>
    <context>
        <name>CardPanel</name>
        <message>
            <source>Starting the payment…</source>
            <translation>A iniciar o pagamento…</translation>
        </message>
        <message>
            <source>Ask the customer to tap, insert or swipe their card</source>
            <translation>Peça ao cliente para aproximar, inserir ou passar o cartão</translation>
        </message>
        <message>
            <source>Processing — keep the card on the reader</source>
            <translation>A processar — mantenha o cartão no leitor</translation>
        </message>
        <message>
            <source>Payment taken, finishing…</source>
            <translation>Pagamento recebido, a concluir…</translation>
        </message>
        <message>
            <source>Approved</source>
            <translation>Aprovado</translation>
        </message>
        <message>
            <source>Declined</source>
            <translation>Recusado</translation>
        </message>
        <message>
            <source>Card payment not possible</source>
            <translation>Pagamento com cartão impossível</translation>
        </message>
        <message>
            <source>Cancelling…</source>
            <translation>A cancelar…</translation>
        </message>
        <message>
            <source>Cancel payment (Esc)</source>
            <translation>Cancelar pagamento (Esc)</translation>
        </message>
        <message>
            <source>Back to the sale (Esc)</source>
            <translation>Voltar à venda (Esc)</translation>
        </message>
        <message>
            <source>Asking the reader to stop. If the card was already tapped, the payment result decides.</source>
            <translation>A pedir ao leitor para parar. Se o cartão já foi aproximado, decide o resultado do pagamento.</translation>
        </message>
    </context>
    <context>
        <name>CartModel</name>
        <message>
            <source>Item</source>
            <translation>Artigo</translation>
        </message>
        <message>
            <source>Qty</source>
            <translation>Qtd</translation>
        </message>
        <message>
            <source>Price</source>
            <translation>Preço</translation>
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
            <translation>Numerário</translation>
        </message>
        <message>
            <source>Due in cash: {amount}</source>
            <translation>A pagar em numerário: {amount}</translation>
        </message>
        <message>
            <source>Exact {amount}</source>
            <translation>Exato {amount}</translation>
        </message>
        <message>
            <source>Amount given by the customer</source>
            <translation>Valor entregue pelo cliente</translation>
        </message>
        <message>
            <source>Take cash (Enter)</source>
            <translation>Receber (Enter)</translation>
        </message>
        <message>
            <source>Back (Esc)</source>
            <translation>Voltar (Esc)</translation>
        </message>
        <message>
            <source>Enter the amount given</source>
            <translation>Introduza o valor entregue</translation>
        </message>
        <message>
            <source>That is not an amount</source>
            <translation>Isso não é um valor</translation>
        </message>
        <message>
            <source>Short by {amount}</source>
            <translation>Faltam {amount}</translation>
        </message>
        <message>
            <source>Change: {amount}</source>
            <translation>Troco: {amount}</translation>
        </message>
    </context>
    <context>
        <name>CheckoutPage</name>
        <message>
            <source>Scan or search (F2)</source>
            <translation>Digitalize ou pesquise (F2)</translation>
        </message>
        <message>
            <source>Card</source>
            <translation>Cartão</translation>
        </message>
        <message>
            <source>Cash</source>
            <translation>Numerário</translation>
        </message>
        <message>
            <source>Split</source>
            <translation>Dividir</translation>
        </message>
        <message>
            <source>Discount</source>
            <translation>Desc.</translation>
        </message>
        <message>
            <source>Qty</source>
            <translation>Qtd</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Remover</translation>
        </message>
        <message>
            <source>Suspend</source>
            <translation>Pausar</translation>
        </message>
        <message>
            <source>Resume</source>
            <translation>Retomar</translation>
        </message>
        <message>
            <source>Void</source>
            <translation>Anular</translation>
        </message>
        <message>
            <source>No sale</source>
            <translation>Gaveta</translation>
        </message>
        <message>
            <source>Line disc.</source>
            <translation>Desc. lin.</translation>
        </message>
        <message>
            <source>Price</source>
            <translation>Preço</translation>
        </message>
        <message>
            <source>Reprint</source>
            <translation>2.ª via</translation>
        </message>
        <message>
            <source>Member</source>
            <translation>Membro</translation>
        </message>
        <message>
            <source>Select a line or a search result first.</source>
            <translation>Selecione primeiro uma linha ou um resultado da pesquisa.</translation>
        </message>
        <message>
            <source>Select a line first (arrow keys or tap it).</source>
            <translation>Selecione primeiro uma linha (setas ou toque nela).</translation>
        </message>
        <message>
            <source>No member on this sale — scan the member's app QR, or Ctrl+M to type it</source>
            <translation>Nenhum membro nesta venda — digitalize o QR da app do membro, ou Ctrl+M para o escrever</translation>
        </message>
    </context>
    <context>
        <name>CloseDialog</name>
        <message>
            <source>Close the till</source>
            <translation>Fechar a caixa</translation>
        </message>
        <message>
            <source>Why the difference? (kept with the closure)</source>
            <translation>Porquê a diferença? (guardado com o fecho)</translation>
        </message>
    </context>
    <context>
        <name>CountDialog</name>
        <message>
            <source>Done</source>
            <translation>Concluído</translation>
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
            <translation>Novo membro</translation>
        </message>
        <message>
            <source>First name</source>
            <translation>Nome próprio</translation>
        </message>
        <message>
            <source>Last name</source>
            <translation>Apelido</translation>
        </message>
        <message>
            <source>E-mail</source>
            <translation>E-mail</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Telefone</translation>
        </message>
        <message>
            <source>An e-mail address or a phone number is enough. Ask the customer for each choice:</source>
            <translation>Basta um endereço de e-mail ou um número de telefone. Pergunte ao cliente cada opção:</translation>
        </message>
        <message>
            <source>Offers and news by e-mail or SMS</source>
            <translation>Ofertas e novidades por e-mail ou SMS</translation>
        </message>
        <message>
            <source>Use my purchases and views for suggestions in the shop and the app</source>
            <translation>Usar as minhas compras e visualizações para sugestões na loja e na app</translation>
        </message>
        <message>
            <source>Receipts by e-mail</source>
            <translation>Recibos por e-mail</translation>
        </message>
        <message>
            <source>Enrol</source>
            <translation>Inscrever</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancelar</translation>
        </message>
    </context>
    <context>
        <name>LoginScreen</name>
        <message>
            <source>Type or tap your PIN, then Enter</source>
            <translation>Escreva ou toque no seu PIN e depois Enter</translation>
        </message>
        <message>
            <source>OMO POS</source>
            <translation>OMO POS</translation>
        </message>
        <message>
            <source>Log in</source>
            <translation>Entrar</translation>
        </message>
        <message>
            <source>Staff PIN</source>
            <translation>PIN do funcionário</translation>
        </message>
        <message>
            <source>Enter your staff PIN</source>
            <translation>Introduza o seu PIN</translation>
        </message>
        <message>
            <source>Locked. {name}, or anyone on staff: enter your PIN</source>
            <translation>Bloqueada. {name}, ou qualquer funcionário: introduza o PIN</translation>
        </message>
        <message>
            <source>Too many wrong PINs. Try again in {wait}, or ask a manager.</source>
            <translation>Demasiados PINs errados. Tente de novo dentro de {wait} ou chame um gerente.</translation>
        </message>
        <message>
            <source>You can try again now.</source>
            <translation>Já pode tentar de novo.</translation>
        </message>
        <message>
            <source>Checking…</source>
            <translation>A verificar…</translation>
        </message>
        <message>
            <source>The PIN could not be checked. Try again, or call a manager.</source>
            <translation>Não foi possível verificar o PIN. Tente de novo ou chame um gerente.</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>OMO POS — {store} — till {till}</source>
            <translation>OMO POS — {store} — caixa {till}</translation>
        </message>
        <message>
            <source>Opening the till…</source>
            <translation>A abrir a caixa…</translation>
        </message>
        <message>
            <source>Sell</source>
            <translation>Vender</translation>
        </message>
        <message>
            <source>Till</source>
            <translation>Caixa</translation>
        </message>
        <message>
            <source>Members</source>
            <translation>Membros</translation>
        </message>
        <message>
            <source>Returns &amp; pickups</source>
            <translation>Devoluções e levantamentos</translation>
        </message>
        <message>
            <source>Stock</source>
            <translation>Stock</translation>
        </message>
        <message>
            <source>The till cannot start:

{error}

Nothing was changed. Call a manager.</source>
            <translation>A caixa não pode arrancar:

{error}

Nada foi alterado. Chame um gerente.</translation>
        </message>
        <message>
            <source>The sale that was open when the till stopped is back. Carry on.</source>
            <translation>A venda que estava aberta quando a caixa parou foi recuperada. Continue.</translation>
        </message>
        <message numerus="yes">
            <source>%n card payments interrupted by a stop were settled with Stripe; a manager will see them flagged.</source>
            <translation>
                <numerusform>%n pagamento com cartão interrompido por uma paragem foi acertado com a Stripe; um gerente vê-lo-á assinalado.</numerusform>
                <numerusform>%n pagamentos com cartão interrompidos por uma paragem foram acertados com a Stripe; um gerente vê-los-á assinalados.</numerusform>
            </translation>
        </message>
        <message>
            <source>A manager can correct it on the Till page ({key}).</source>
            <translation>Um gerente pode corrigi-lo na página Caixa ({key}).</translation>
        </message>
        <message>
            <source>A manager can correct it on the Till page.</source>
            <translation>Um gerente pode corrigi-lo na página Caixa.</translation>
        </message>
        <message>
            <source>Log in first, then scan again.</source>
            <translation>Entre primeiro e depois digitalize de novo.</translation>
        </message>
        <message>
            <source>Finish or close the open window first, then scan again.</source>
            <translation>Termine ou feche primeiro a janela aberta e depois digitalize de novo.</translation>
        </message>
    </context>
    <context>
        <name>MemberSalePresenter</name>
        <message>
            <source>points: Shift+F10</source>
            <translation>pontos: Shift+F10</translation>
        </message>
        <message>
            <source>Offers: {n}, −{amount} (Ctrl+K) · points: Shift+F10</source>
            <translation>Ofertas: {n}, −{amount} (Ctrl+K) · pontos: Shift+F10</translation>
        </message>
        <message>
            <source>No coupon or promotion for this sale.</source>
            <translation>Nenhum cupão ou promoção para esta venda.</translation>
        </message>
        <message>
            <source>✓ {name} −{amount} (take it off)</source>
            <translation>✓ {name} −{amount} (retirar)</translation>
        </message>
        <message>
            <source>✗ {name} (put it back)</source>
            <translation>✗ {name} (repor)</translation>
        </message>
        <message>
            <source>Coupons and promotions</source>
            <translation>Cupões e promoções</translation>
        </message>
        <message>
            <source>Applied by themselves. Pick one to take it off or put it back:</source>
            <translation>Aplicados automaticamente. Escolha um para o retirar ou repor:</translation>
        </message>
        <message>
            <source>Attach the member first: points pay only for their own sale.</source>
            <translation>Associe primeiro o membro: os pontos só pagam a sua própria venda.</translation>
        </message>
        <message>
            <source>{points} points</source>
            <translation>{points} pontos</translation>
        </message>
        <message>
            <source>Type the number of points, e.g. 500.</source>
            <translation>Escreva o número de pontos, p. ex. 500.</translation>
        </message>
        <message>
            <source>Checking the member's points…</source>
            <translation>A verificar os pontos do membro…</translation>
        </message>
        <message>
            <source>Pay with points</source>
            <translation>Pagar com pontos</translation>
        </message>
        <message>
            <source>Points to redeem (due {due}; {have}):</source>
            <translation>Pontos a usar (em dívida {due}; {have}):</translation>
        </message>
        <message>
            <source>Handing the cart over…</source>
            <translation>A entregar o carrinho…</translation>
        </message>
        <message>
            <source>{shop} here ({app} in the app) · added</source>
            <translation>{shop} aqui ({app} na app) · adicionado</translation>
        </message>
        <message>
            <source>out of stock here · tap to add one the customer holds</source>
            <translation>esgotado aqui · toque para adicionar o que o cliente tem na mão</translation>
        </message>
        <message>
            <source>not sold in this shop</source>
            <translation>não é vendido nesta loja</translation>
        </message>
    </context>
    <context>
        <name>MembersPage</name>
        <message>
            <source>Scan the member's code, or type a number, name, phone or e-mail</source>
            <translation>Leia o código do membro, ou escreva número, nome, telefone ou e-mail</translation>
        </message>
        <message>
            <source>&amp;Find</source>
            <translation>&amp;Procurar</translation>
        </message>
        <message>
            <source>&amp;New member</source>
            <translation>&amp;Novo membro</translation>
        </message>
        <message>
            <source>&amp;Check in</source>
            <translation>&amp;Check-in</translation>
        </message>
        <message>
            <source>Take &amp;back</source>
            <translation>&amp;Devolver</translation>
        </message>
        <message>
            <source>Open the selected recent order in Returns &amp; pickups</source>
            <translation>Abrir a encomenda recente selecionada em Devoluções e levantamentos</translation>
        </message>
        <message>
            <source>Coupons</source>
            <translation>Cupões</translation>
        </message>
        <message>
            <source>Recent orders</source>
            <translation>Encomendas recentes</translation>
        </message>
        <message>
            <source>Recently viewed online</source>
            <translation>Vistos recentemente online</translation>
        </message>
        <message>
            <source>Suggestions</source>
            <translation>Sugestões</translation>
        </message>
        <message>
            <source>No member open</source>
            <translation>Nenhum membro aberto</translation>
        </message>
        <message>
            <source>Enter or a double tap adds it to the sale</source>
            <translation>Enter ou um toque duplo adiciona-o à venda</translation>
        </message>
    </context>
    <context>
        <name>MembersPresenter</name>
        <message>
            <source>Looking up…</source>
            <translation>A procurar…</translation>
        </message>
        <message>
            <source>Added to the sale: {name}. The sale is on Sell (Alt+1).</source>
            <translation>Adicionado à venda: {name}. A venda está em Vender (Alt+1).</translation>
        </message>
        <message>
            <source>{name} · {tier} · no. {no} {hint}</source>
            <translation>{name} · {tier} · n.º {no} {hint}</translation>
        </message>
        <message>
            <source>{name} · {tier} · no. {no}</source>
            <translation>{name} · {tier} · n.º {no}</translation>
        </message>
        <message>
            <source>{points} points</source>
            <translation>{points} pontos</translation>
        </message>
        <message>
            <source>(provisional: from this till's cache, the backend cannot be reached)</source>
            <translation>(provisório: da cache desta caixa, o backend não está acessível)</translation>
        </message>
        <message>
            <source>(provisional: {n:+} not yet synced)</source>
            <translation>(provisório: {n:+} ainda não sincronizados)</translation>
        </message>
        <message>
            <source>checked in today</source>
            <translation>check-in feito hoje</translation>
        </message>
        <message>
            <source>Found without the member's code: only what checkout needs. Scan their code for more.</source>
            <translation>Encontrado sem o código do membro: só o que a caixa precisa. Leia o código para ver mais.</translation>
        </message>
        <message>
            <source>The member has not consented to personalisation: only what checkout needs.</source>
            <translation>O membro não consentiu a personalização: só o que a caixa precisa.</translation>
        </message>
        <message>
            <source>{title} ({off} off)</source>
            <translation>{title} ({off} de desconto)</translation>
        </message>
        <message>
            <source>{date} online, order {ref}: {total} — {items}</source>
            <translation>{date} online, encomenda {ref}: {total} — {items}</translation>
        </message>
        <message>
            <source>{date} in store: {total} — {items}</source>
            <translation>{date} na loja: {total} — {items}</translation>
        </message>
        <message>
            <source>bought together</source>
            <translation>comprados juntos</translation>
        </message>
        <message>
            <source>viewed</source>
            <translation>vistos</translation>
        </message>
        <message>
            <source>{name} ({why})</source>
            <translation>{name} ({why})</translation>
        </message>
        <message>
            <source>Your role cannot take goods back.</source>
            <translation>A sua função não pode aceitar devoluções.</translation>
        </message>
    </context>
    <context>
        <name>NumericKeypad</name>
        <message>
            <source>Delete the last digit (Backspace)</source>
            <translation>Apagar o último dígito (Backspace)</translation>
        </message>
        <message>
            <source>Delete last digit</source>
            <translation>Apagar último dígito</translation>
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
            <translation>Aprovação do gerente</translation>
        </message>
        <message>
            <source>Asked by {name} ({role})</source>
            <translation>Pedido por {name} ({role})</translation>
        </message>
        <message>
            <source>Reason (required) — then Enter</source>
            <translation>Motivo (obrigatório) — depois Enter</translation>
        </message>
        <message>
            <source>Reason (optional)</source>
            <translation>Motivo (opcional)</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Motivo</translation>
        </message>
        <message>
            <source>Manager: enter your PIN to approve</source>
            <translation>Gerente: introduza o PIN para aprovar</translation>
        </message>
        <message>
            <source>Approve</source>
            <translation>Aprovar</translation>
        </message>
        <message>
            <source>Manager PIN</source>
            <translation>PIN do gerente</translation>
        </message>
        <message>
            <source>Cancel (Esc)</source>
            <translation>Cancelar (Esc)</translation>
        </message>
        <message>
            <source>Too many wrong PINs. Try again in {wait}.</source>
            <translation>Demasiados PINs errados. Tente de novo dentro de {wait}.</translation>
        </message>
        <message>
            <source>You can try again now.</source>
            <translation>Já pode tentar de novo.</translation>
        </message>
        <message>
            <source>Checking…</source>
            <translation>A verificar…</translation>
        </message>
        <message>
            <source>The PIN could not be checked. Try again.</source>
            <translation>Não foi possível verificar o PIN. Tente de novo.</translation>
        </message>
    </context>
    <context>
        <name>PickupsPanel</name>
        <message>
            <source>Comes back for it</source>
            <translation>Volta para o levantar</translation>
        </message>
        <message>
            <source>Wrong size or colour</source>
            <translation>Tamanho ou cor errados</translation>
        </message>
        <message>
            <source>Damaged</source>
            <translation>Danificado</translation>
        </message>
        <message>
            <source>Changed mind</source>
            <translation>Mudou de ideias</translation>
        </message>
        <message>
            <source>Hand over</source>
            <translation>Entregar</translation>
        </message>
        <message>
            <source>Check customer</source>
            <translation>Verificar cliente</translation>
        </message>
        <message>
            <source>Back to stock</source>
            <translation>Ao stock</translation>
        </message>
        <message>
            <source>Refresh list</source>
            <translation>Atualizar lista</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Fechar</translation>
        </message>
        <message>
            <source>Scan the order's QR code or type its number (F2)</source>
            <translation>Digitalize o QR da encomenda ou escreva o número (F2)</translation>
        </message>
        <message>
            <source>Order</source>
            <translation>Encomenda</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>Cliente</translation>
        </message>
        <message>
            <source>Shelf</source>
            <translation>Prateleira</translation>
        </message>
        <message>
            <source>Waiting</source>
            <translation>Em espera</translation>
        </message>
        <message>
            <source>Items</source>
            <translation>Artigos</translation>
        </message>
        <message>
            <source>Pick an order (Enter or double-click) or scan it.</source>
            <translation>Escolha uma encomenda (Enter ou duplo clique) ou digitalize-a.</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>Artigo</translation>
        </message>
        <message>
            <source>Ordered</source>
            <translation>Encomendados</translation>
        </message>
        <message>
            <source>Give now</source>
            <translation>Entregar agora</translation>
        </message>
        <message>
            <source>Why the rest stays</source>
            <translation>Porque fica o resto</translation>
        </message>
        <message>
            <source>+ / − or a digit: how many are handed over now · Enter: why the rest stays</source>
            <translation>+ / − ou um dígito: quantos se entregam agora · Enter: porque fica o resto</translation>
        </message>
        <message>
            <source>{item}
({n} handed over)</source>
            <translation>{item}
({n} entregues)</translation>
        </message>
    </context>
    <context>
        <name>PickupsPresenter</name>
        <message>
            <source>Not collected in time — back to stock</source>
            <translation>Não levantado a tempo — ao stock</translation>
        </message>
        <message>
            <source>Partly handed over</source>
            <translation>Entregue em parte</translation>
        </message>
        <message>
            <source>As of {time} (backend)</source>
            <translation>Atualizado às {time} (backend)</translation>
        </message>
        <message>
            <source>Order {order} · {customer} · shelf {shelf}{checked}</source>
            <translation>Encomenda {order} · {customer} · prateleira {shelf}{checked}</translation>
        </message>
        <message>
            <source>customer checked</source>
            <translation>cliente verificado</translation>
        </message>
        <message>
            <source>check the customer (F4)</source>
            <translation>verifique o cliente (F4)</translation>
        </message>
        <message>
            <source>not collected in time</source>
            <translation>não levantado a tempo</translation>
        </message>
        <message>
            <source>{n} h</source>
            <translation>{n} h</translation>
        </message>
        <message>
            <source>{n} days</source>
            <translation>{n} dias</translation>
        </message>
        <message>
            <source>Back to stock</source>
            <translation>Ao stock</translation>
        </message>
        <message>
            <source>Order {order} was not collected: take it back and refund the customer?</source>
            <translation>A encomenda {order} não foi levantada: recebê-la de volta e reembolsar o cliente?</translation>
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
            <translation>Backend: degradado</translation>
        </message>
        <message>
            <source>Backend: offline</source>
            <translation>Backend: offline</translation>
        </message>
        <message>
            <source>Backend: not configured</source>
            <translation>Backend: não configurado</translation>
        </message>
        <message>
            <source>Backend: unknown</source>
            <translation>Backend: desconhecido</translation>
        </message>
        <message numerus="yes">
            <source>Queue: %n</source>
            <translation>
                <numerusform>Fila: %n</numerusform>
                <numerusform>Fila: %n</numerusform>
            </translation>
        </message>
        <message>
            <source>(oldest {age})</source>
            <translation>(mais antigo {age})</translation>
        </message>
        <message>
            <source>1 needs a manager</source>
            <translation>1 precisa de um gerente</translation>
        </message>
        <message numerus="yes">
            <source>%n need a manager</source>
            <translation>
                <numerusform>%n precisa de um gerente</numerusform>
                <numerusform>%n precisam de um gerente</numerusform>
            </translation>
        </message>
        <message>
            <source>Card: ready</source>
            <translation>Cartão: pronto</translation>
        </message>
        <message>
            <source>Card unavailable: Stripe unreachable, take cash</source>
            <translation>Cartão indisponível: Stripe inacessível, aceite numerário</translation>
        </message>
        <message>
            <source>Card: not set up</source>
            <translation>Cartão: não configurado</translation>
        </message>
        <message>
            <source>Card: checking…</source>
            <translation>Cartão: a verificar…</translation>
        </message>
        <message>
            <source>Reader: online</source>
            <translation>Leitor: online</translation>
        </message>
        <message>
            <source>Reader: busy</source>
            <translation>Leitor: ocupado</translation>
        </message>
        <message>
            <source>Reader: offline</source>
            <translation>Leitor: offline</translation>
        </message>
        <message>
            <source>Reader: none</source>
            <translation>Leitor: nenhum</translation>
        </message>
        <message>
            <source>Reader: unknown</source>
            <translation>Leitor: desconhecido</translation>
        </message>
        <message>
            <source>Catalog sync {pct}</source>
            <translation>Sincronização do catálogo {pct}</translation>
        </message>
    </context>
    <context>
        <name>Presenter</name>
        <message>
            <source>That did not work: {error}. Nothing was lost; try again.</source>
            <translation>Não funcionou: {error}. Nada se perdeu; tente de novo.</translation>
        </message>
        <message>
            <source>Receipt not printed: {problem} It waits in the print queue.</source>
            <translation>Talão não impresso: {problem} Aguarda na fila de impressão.</translation>
        </message>
        <message>
            <source>Printer problem: {error}. The receipt is kept.</source>
            <translation>Problema na impressora: {error}. O talão fica guardado.</translation>
        </message>
        <message>
            <source>Not approved; nothing changed.</source>
            <translation>Não aprovado; nada foi alterado.</translation>
        </message>
    </context>
    <context>
        <name>QrDialog</name>
        <message>
            <source>Scan with the OMO app</source>
            <translation>Leia com a app OMO</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Concluído</translation>
        </message>
    </context>
    <context>
        <name>receipt</name>
        <message>
            <source>Receipt {}</source>
            <translation>Talão {}</translation>
        </message>
        <message>
            <source>Till {}</source>
            <translation>Caixa {}</translation>
        </message>
        <message>
            <source>Cashier {}</source>
            <translation>Operador {}</translation>
        </message>
        <message>
            <source>Member {}</source>
            <translation>Membro {}</translation>
        </message>
        <message>
            <source>Discount</source>
            <translation>Desconto</translation>
        </message>
        <message>
            <source>Subtotal</source>
            <translation>Subtotal</translation>
        </message>
        <message>
            <source>Discounts</source>
            <translation>Descontos</translation>
        </message>
        <message>
            <source>TOTAL</source>
            <translation>TOTAL</translation>
        </message>
        <message>
            <source>Rate</source>
            <translation>Taxa</translation>
        </message>
        <message>
            <source>Net</source>
            <translation>Base</translation>
        </message>
        <message>
            <source>Tax</source>
            <translation>IVA</translation>
        </message>
        <message>
            <source>Gross</source>
            <translation>Total</translation>
        </message>
        <message>
            <source>Auth {}</source>
            <translation>Aut. {}</translation>
        </message>
        <message>
            <source>Cash rounding</source>
            <translation>Arredondamento</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>Troco</translation>
        </message>
        <message>
            <source>PAYMENT PENDING</source>
            <translation>PAGAMENTO PENDENTE</translation>
        </message>
        <message>
            <source>Not a proof of payment</source>
            <translation>Não é prova de pagamento</translation>
        </message>
        <message>
            <source>COPY</source>
            <translation>CÓPIA</translation>
        </message>
        <message>
            <source>Duplicate of the original receipt</source>
            <translation>Duplicado do talão original</translation>
        </message>
        <message>
            <source>REPRINT</source>
            <translation>REIMPRESSÃO</translation>
        </message>
        <message>
            <source>Reprint of the original receipt</source>
            <translation>Reimpressão do talão original</translation>
        </message>
        <message>
            <source>Order {}</source>
            <translation>Encomenda {}</translation>
        </message>
        <message>
            <source>Home delivery by {} from {}</source>
            <translation>Entrega em casa até {} a partir de {}</translation>
        </message>
        <message>
            <source>Collect here from {} (from {})</source>
            <translation>Levantamento aqui a partir de {} (de {})</translation>
        </message>
        <message>
            <source>Reserved at {}, collected</source>
            <translation>Reservado em {}, levantado</translation>
        </message>
        <message>
            <source>Scan with the OMO app</source>
            <translation>Digitalize com a app OMO</translation>
        </message>
        <message>
            <source>to claim this purchase</source>
            <translation>para registar esta compra</translation>
        </message>
        <message>
            <source>Your order: show this code</source>
            <translation>A sua encomenda: mostre este código</translation>
        </message>
        <message>
            <source>to collect it or to ask about it</source>
            <translation>para a levantar ou pedir informações</translation>
        </message>
        <message>
            <source>Z report {}</source>
            <translation>Relatório Z {}</translation>
        </message>
        <message>
            <source>Closed by {}</source>
            <translation>Fechada por {}</translation>
        </message>
        <message>
            <source>NET SALES</source>
            <translation>VENDAS LÍQUIDAS</translation>
        </message>
        <message>
            <source>Cash</source>
            <translation>Numerário</translation>
        </message>
        <message>
            <source>Card</source>
            <translation>Cartão</translation>
        </message>
        <message>
            <source>Points</source>
            <translation>Pontos</translation>
        </message>
        <message>
            <source>Points earned: {} (provisional)</source>
            <translation>Pontos ganhos: {} (provisórios)</translation>
        </message>
        <message>
            <source>redeemed: {}</source>
            <translation>usados: {}</translation>
        </message>
        <message>
            <source>Prices include VAT</source>
            <translation>Preços com IVA incluído</translation>
        </message>
        <message>
            <source>Thank you for shopping with us</source>
            <translation>Obrigado pela sua compra</translation>
        </message>
    </context>
    <context>
        <name>ReceiptDialog</name>
        <message>
            <source>Receipt %s</source>
            <translation>Talão %s</translation>
        </message>
        <message>
            <source>&amp;Print…</source>
            <translation>&amp;Imprimir…</translation>
        </message>
        <message>
            <source>Save as P&amp;DF…</source>
            <translation>Guardar como P&amp;DF…</translation>
        </message>
        <message>
            <source>Save receipt as PDF</source>
            <translation>Guardar o talão como PDF</translation>
        </message>
    </context>
    <context>
        <name>ReceiptDock</name>
        <message>
            <source>Receipt</source>
            <translation>Talão</translation>
        </message>
        <message>
            <source>Print or save as PDF…</source>
            <translation>Imprimir ou PDF…</translation>
        </message>
    </context>
    <context>
        <name>ReceiptView</name>
        <message>
            <source>Receipt</source>
            <translation>Talão</translation>
        </message>
    </context>
    <context>
        <name>ReturnsPanel</name>
        <message>
            <source>Refund to payment</source>
            <translation>Reembolso ao pagamento</translation>
        </message>
        <message>
            <source>Store credit</source>
            <translation>Vale</translation>
        </message>
        <message>
            <source>Exchange</source>
            <translation>Troca</translation>
        </message>
        <message>
            <source>Check customer</source>
            <translation>Verificar cliente</translation>
        </message>
        <message>
            <source>No receipt</source>
            <translation>Sem talão</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation>Limpar</translation>
        </message>
        <message>
            <source>Scan the order or receipt QR, or type its number (F2)</source>
            <translation>Digitalize o QR da encomenda ou do talão, ou escreva o número (F2)</translation>
        </message>
        <message>
            <source>Find</source>
            <translation>Procurar</translation>
        </message>
        <message>
            <source>Scan the order's QR code (e-mail or app), a receipt, or a member's app.</source>
            <translation>Digitalize o QR da encomenda (e-mail ou app), um talão ou a app de um membro.</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>Artigo</translation>
        </message>
        <message>
            <source>Bought</source>
            <translation>Comprados</translation>
        </message>
        <message>
            <source>Left</source>
            <translation>Restantes</translation>
        </message>
        <message>
            <source>Take back</source>
            <translation>Devolver</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Motivo</translation>
        </message>
        <message>
            <source>Resell</source>
            <translation>Revender</translation>
        </message>
        <message>
            <source>+ / − or a digit: how many come back · Space: resell · Enter: the reason</source>
            <translation>+ / − ou um dígito: quantos voltam · Espaço: revender · Enter: o motivo</translation>
        </message>
        <message>
            <source>Complete</source>
            <translation>Concluir</translation>
        </message>
        <message>
            <source>Complete, rest as credit</source>
            <translation>Concluir, resto em vale</translation>
        </message>
        <message>
            <source>Give up</source>
            <translation>Desistir</translation>
        </message>
        <message>
            <source>Retry</source>
            <translation>Repetir</translation>
        </message>
        <message>
            <source>Rest as store credit</source>
            <translation>Resto em vale</translation>
        </message>
        <message>
            <source>Rest in cash</source>
            <translation>Resto em numerário</translation>
        </message>
    </context>
    <context>
        <name>ReturnsPickupsPage</name>
        <message>
            <source>Returns  Ctrl+PgUp</source>
            <translation>Devoluções  Ctrl+PgUp</translation>
        </message>
        <message>
            <source>Pickups  Ctrl+PgDn</source>
            <translation>Levantamentos  Ctrl+PgDn</translation>
        </message>
        <message>
            <source>The scan was cut short ({n} characters arrived): scan the code again.</source>
            <translation>A leitura foi interrompida (chegaram {n} caracteres): digitalize o código de novo.</translation>
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
            <translation>interrompida</translation>
        </message>
        <message>
            <source>Return without a receipt: scan the items (today's prices, store credit).</source>
            <translation>Devolução sem talão: digitalize os artigos (preços de hoje, em vale).</translation>
        </message>
        <message>
            <source>Order {label}</source>
            <translation>Encomenda {label}</translation>
        </message>
        <message>
            <source>Receipt {label}</source>
            <translation>Talão {label}</translation>
        </message>
        <message>
            <source>{what} · {when} · paid {paid} ({how}){who}{unverified}</source>
            <translation>{what} · {when} · pago {paid} ({how}){who}{unverified}</translation>
        </message>
        <message>
            <source>not checked by the backend</source>
            <translation>não verificado pelo backend</translation>
        </message>
        <message>
            <source>Customer checked.</source>
            <translation>Cliente verificado.</translation>
        </message>
        <message>
            <source>Found by its number: check the customer first (F4).</source>
            <translation>Encontrado pelo número: verifique primeiro o cliente (F4).</translation>
        </message>
        <message>
            <source>to the card</source>
            <translation>no cartão</translation>
        </message>
        <message>
            <source>in cash</source>
            <translation>em numerário</translation>
        </message>
        <message>
            <source>as points</source>
            <translation>em pontos</translation>
        </message>
        <message>
            <source>as store credit</source>
            <translation>em vale</translation>
        </message>
        <message>
            <source>points −{taken} / +{given}</source>
            <translation>pontos −{taken} / +{given}</translation>
        </message>
        <message>
            <source>Refund {total} (tax {tax})</source>
            <translation>Reembolso {total} (IVA {tax})</translation>
        </message>
        <message>
            <source>the customer pays {amount}</source>
            <translation>o cliente paga {amount}</translation>
        </message>
        <message>
            <source>the customer gets {amount} back</source>
            <translation>o cliente recebe {amount}</translation>
        </message>
        <message>
            <source>nothing to pay either way</source>
            <translation>nada a pagar de parte a parte</translation>
        </message>
        <message>
            <source>Exchange from {label}: {items} back, credit {credit}; new items on Sell {new}: {net}.</source>
            <translation>Troca de {label}: {items} devolvidos, crédito {credit}; novos artigos em Vender {new}: {net}.</translation>
        </message>
        <message>
            <source>Wait: a refund is being made.</source>
            <translation>Aguarde: está a ser feito um reembolso.</translation>
        </message>
        <message>
            <source>Opening {ref}…</source>
            <translation>A abrir {ref}…</translation>
        </message>
        <message>
            <source>online</source>
            <translation>online</translation>
        </message>
        <message>
            <source>in store</source>
            <translation>na loja</translation>
        </message>
        <message>
            <source>Recent orders</source>
            <translation>Encomendas recentes</translation>
        </message>
        <message>
            <source>Which purchase comes back?</source>
            <translation>Que compra é devolvida?</translation>
        </message>
        <message>
            <source>Give up</source>
            <translation>Desistir</translation>
        </message>
        <message>
            <source>Give this return up? Nothing of it was refunded; the items stay the customer's.</source>
            <translation>Desistir desta devolução? Nada foi reembolsado; os artigos ficam com o cliente.</translation>
        </message>
        <message>
            <source>Interac: ask the customer to tap their card on the reader for the refund.</source>
            <translation>Interac: peça ao cliente para aproximar o cartão do leitor para o reembolso.</translation>
        </message>
        <message>
            <source>Their name</source>
            <translation>O nome</translation>
        </message>
        <message>
            <source>Last 4 digits of the card</source>
            <translation>Últimos 4 dígitos do cartão</translation>
        </message>
        <message>
            <source>The code in their app</source>
            <translation>O código na app</translation>
        </message>
        <message>
            <source>Check the customer</source>
            <translation>Verificar o cliente</translation>
        </message>
        <message>
            <source>What does the customer give?</source>
            <translation>O que apresenta o cliente?</translation>
        </message>
    </context>
    <context>
        <name>SellPresenter</name>
        <message>
            <source>price changed: {reason}</source>
            <translation>preço alterado: {reason}</translation>
        </message>
        <message>
            <source>{rate} on {amount}</source>
            <translation>{rate} sobre {amount}</translation>
        </message>
        <message>
            <source>{name} · {tier} · no. {no}</source>
            <translation>{name} · {tier} · n.º {no}</translation>
        </message>
        <message>
            <source>Member</source>
            <translation>Membro</translation>
        </message>
        <message>
            <source>member</source>
            <translation>membro</translation>
        </message>
        <message>
            <source>{points} points</source>
            <translation>{points} pontos</translation>
        </message>
        <message>
            <source>order {order}: delivered by {day}</source>
            <translation>encomenda {order}: entregue até {day}</translation>
        </message>
        <message>
            <source>order {order}: collect here from {day}</source>
            <translation>encomenda {order}: levantar aqui a partir de {day}</translation>
        </message>
        <message>
            <source>reservation {order}</source>
            <translation>reserva {order}</translation>
        </message>
        <message>
            <source>{name} · {role} · till {till}</source>
            <translation>{name} · {role} · caixa {till}</translation>
        </message>
        <message>
            <source>The scan was cut short ({n} characters arrived): scan the item again.</source>
            <translation>A leitura foi interrompida (chegaram {n} caracteres): digitalize o artigo de novo.</translation>
        </message>
        <message>
            <source>Quantity</source>
            <translation>Quantidade</translation>
        </message>
        <message>
            <source>Quantity of {item}:</source>
            <translation>Quantidade de {item}:</translation>
        </message>
        <message>
            <source>Wait: the payment is being finished.</source>
            <translation>Aguarde: o pagamento está a ser concluído.</translation>
        </message>
        <message>
            <source>Member number (from the card or the app):</source>
            <translation>Número de membro (do cartão ou da app):</translation>
        </message>
        <message>
            <source>Discount</source>
            <translation>Desconto</translation>
        </message>
        <message>
            <source>Discount on this line: percent (10%) or amount (2.50)</source>
            <translation>Desconto nesta linha: percentagem (10%) ou valor (2,50)</translation>
        </message>
        <message>
            <source>Discount on the whole sale: percent (10%) or amount (2.50)</source>
            <translation>Desconto em toda a venda: percentagem (10%) ou valor (2,50)</translation>
        </message>
        <message>
            <source>Price override</source>
            <translation>Alteração de preço</translation>
        </message>
        <message>
            <source>Reason (kept in the audit log):</source>
            <translation>Motivo (guardado no registo de auditoria):</translation>
        </message>
        <message>
            <source>New unit price:</source>
            <translation>Novo preço unitário:</translation>
        </message>
        <message>
            <source>No sale</source>
            <translation>Sem venda</translation>
        </message>
        <message>
            <source>Why open the drawer? (logged)</source>
            <translation>Porquê abrir a gaveta? (registado)</translation>
        </message>
        <message>
            <source>No suspended sales on this till.</source>
            <translation>Não há vendas suspensas nesta caixa.</translation>
        </message>
        <message>
            <source>Resume</source>
            <translation>Retomar</translation>
        </message>
        <message>
            <source>Which sale?</source>
            <translation>Que venda?</translation>
        </message>
    </context>
    <context>
        <name>Shortcuts</name>
        <message>
            <source>Search products</source>
            <translation>Pesquisar produtos</translation>
        </message>
        <message>
            <source>Change quantity of the selected line</source>
            <translation>Alterar a quantidade da linha selecionada</translation>
        </message>
        <message>
            <source>Discount the selected line</source>
            <translation>Desconto na linha selecionada</translation>
        </message>
        <message>
            <source>Discount the whole sale</source>
            <translation>Desconto em toda a venda</translation>
        </message>
        <message>
            <source>Override the price of the selected line</source>
            <translation>Alterar o preço da linha selecionada</translation>
        </message>
        <message>
            <source>Pay by card on the reader</source>
            <translation>Pagar com cartão no leitor</translation>
        </message>
        <message>
            <source>Pay cash</source>
            <translation>Pagar em numerário</translation>
        </message>
        <message>
            <source>Split: card for part, cash for the rest</source>
            <translation>Dividir: parte com cartão, o resto em numerário</translation>
        </message>
        <message>
            <source>Suspend the sale</source>
            <translation>Suspender a venda</translation>
        </message>
        <message>
            <source>Resume a suspended sale</source>
            <translation>Retomar uma venda suspensa</translation>
        </message>
        <message>
            <source>Remove the selected line</source>
            <translation>Remover a linha selecionada</translation>
        </message>
        <message>
            <source>Void the sale (manager)</source>
            <translation>Anular a venda (gerente)</translation>
        </message>
        <message>
            <source>Open the drawer without a sale (reason)</source>
            <translation>Abrir a gaveta sem venda (motivo)</translation>
        </message>
        <message>
            <source>Reprint the last receipt</source>
            <translation>Reimprimir o último talão</translation>
        </message>
        <message>
            <source>Type a member number</source>
            <translation>Escrever um número de membro</translation>
        </message>
        <message>
            <source>Coupons and promotions: take one off or back</source>
            <translation>Cupões e promoções: retirar ou repor um</translation>
        </message>
        <message>
            <source>Pay with the member's points</source>
            <translation>Pagar com os pontos do membro</translation>
        </message>
        <message>
            <source>Hand the cart to the customer's phone (QR)</source>
            <translation>Passar o carrinho para o telemóvel do cliente (QR)</translation>
        </message>
        <message>
            <source>Lock the till</source>
            <translation>Bloquear a caixa</translation>
        </message>
        <message>
            <source>Stock of the selected line or search result everywhere</source>
            <translation>Stock em todo o lado da linha ou resultado selecionado</translation>
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
            <translation>Demo: seja o cliente e o mundo à volta da caixa</translation>
        </message>
        <message>
            <source>Card reader</source>
            <translation>Leitor de cartões</translation>
        </message>
        <message>
            <source>Tap this card</source>
            <translation>Aproximar este cartão</translation>
        </message>
        <message>
            <source>Decline</source>
            <translation>Recusar</translation>
        </message>
        <message>
            <source>Customer cancels</source>
            <translation>O cliente cancela</translation>
        </message>
        <message>
            <source>Reader times out</source>
            <translation>O leitor esgota o tempo</translation>
        </message>
        <message>
            <source>Network</source>
            <translation>Rede</translation>
        </message>
        <message>
            <source>Backend offline</source>
            <translation>Backend offline</translation>
        </message>
        <message>
            <source>Camera</source>
            <translation>Câmara</translation>
        </message>
        <message>
            <source>Member's phone</source>
            <translation>Telemóvel do membro</translation>
        </message>
        <message>
            <source>Order QR</source>
            <translation>QR da encomenda</translation>
        </message>
        <message>
            <source>Phone away</source>
            <translation>Telemóvel afastado</translation>
        </message>
        <message>
            <source>Backend back online</source>
            <translation>Backend de novo online</translation>
        </message>
    </context>
    <context>
        <name>SplitDialog</name>
        <message>
            <source>Split payment</source>
            <translation>Pagamento dividido</translation>
        </message>
        <message>
            <source>Total due: {amount}</source>
            <translation>Total a pagar: {amount}</translation>
        </message>
        <message>
            <source>Amount to put on the card now (the rest in cash):</source>
            <translation>Valor a cobrar agora no cartão (o resto em numerário):</translation>
        </message>
        <message>
            <source>Card first (Enter)</source>
            <translation>Cartão primeiro (Enter)</translation>
        </message>
    </context>
    <context>
        <name>StockPage</name>
        <message>
            <source>Scan an item, or type its SKU or name, then Enter</source>
            <translation>Leia um artigo ou escreva o SKU ou nome, depois Enter</translation>
        </message>
        <message>
            <source>Stock in every store</source>
            <translation>Stock em todas as lojas</translation>
        </message>
        <message>
            <source>Store</source>
            <translation>Loja</translation>
        </message>
        <message>
            <source>Can sell</source>
            <translation>Vendável</translation>
        </message>
        <message>
            <source>On hand</source>
            <translation>Em loja</translation>
        </message>
        <message>
            <source>Held</source>
            <translation>Retido</translation>
        </message>
        <message>
            <source>Open today</source>
            <translation>Aberto hoje</translation>
        </message>
        <message>
            <source>Coming</source>
            <translation>A chegar</translation>
        </message>
        <message>
            <source>Variants — each: here / other stores / warehouse</source>
            <translation>Variantes — cada: aqui / outras lojas / armazém</translation>
        </message>
        <message>
            <source>&amp;Reserve there</source>
            <translation>&amp;Reservar lá</translation>
        </message>
        <message>
            <source>&amp;Collect here tomorrow</source>
            <translation>&amp;Levantar aqui amanhã</translation>
        </message>
        <message>
            <source>&amp;Deliver home</source>
            <translation>&amp;Entregar em casa</translation>
        </message>
        <message>
            <source>Reser&amp;vation here</source>
            <translation>Reser&amp;va aqui</translation>
        </message>
        <message>
            <source>Refresh (F5)</source>
            <translation>Atualizar (F5)</translation>
        </message>
    </context>
    <context>
        <name>StockPresenter</name>
        <message>
            <source>Asking the OMO backend…</source>
            <translation>A perguntar ao backend OMO…</translation>
        </message>
        <message>
            <source>OFFLINE — the stock last known {age} ago (as of {time}); it may have changed.</source>
            <translation>OFFLINE — stock conhecido há {age} (às {time}); pode ter mudado.</translation>
        </message>
        <message>
            <source>Live from the OMO backend, as of {time}.</source>
            <translation>Em tempo real do backend OMO, às {time}.</translation>
        </message>
        <message>
            <source>Here — {name}</source>
            <translation>Aqui — {name}</translation>
        </message>
        <message>
            <source>{name} (delivers)</source>
            <translation>{name} (envia)</translation>
        </message>
        <message>
            <source>delivers only</source>
            <translation>só envia</translation>
        </message>
        <message>
            <source>closed today</source>
            <translation>fechado hoje</translation>
        </message>
        <message>
            <source>{hours}
open now</source>
            <translation>{hours}
aberto agora</translation>
        </message>
        <message>
            <source>{hours}
closed now</source>
            <translation>{hours}
fechado agora</translation>
        </message>
        <message>
            <source>{qty} on {day}</source>
            <translation>{qty} em {day}</translation>
        </message>
        <message>
            <source>Reservation</source>
            <translation>Reserva</translation>
        </message>
        <message>
            <source>The reservation's order number (or scan its QR):</source>
            <translation>O número da encomenda da reserva (ou leia o QR):</translation>
        </message>
        <message>
            <source>Look an item up first: scan it or type its SKU or name.</source>
            <translation>Procure primeiro um artigo: leia-o ou escreva o SKU ou nome.</translation>
        </message>
        <message>
            <source>Choose the store to reserve at in the list (arrow keys), then Reserve.</source>
            <translation>Escolha na lista a loja onde reservar (setas) e depois Reservar.</translation>
        </message>
        <message>
            <source>Deliver home</source>
            <translation>Entregar em casa</translation>
        </message>
        <message>
            <source>The delivery address (street, town, postcode):</source>
            <translation>A morada de entrega (rua, localidade, código postal):</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>Cliente</translation>
        </message>
        <message>
            <source>The customer's name (as on their ID):</source>
            <translation>O nome do cliente (como no documento):</translation>
        </message>
    </context>
    <context>
        <name>TenderPresenter</name>
        <message>
            <source>Cash rounding {sign}{amount} (the total is {total})</source>
            <translation>Arredondamento de numerário {sign}{amount} (o total é {total})</translation>
        </message>
        <message>
            <source>Saving the sale…</source>
            <translation>A guardar a venda…</translation>
        </message>
        <message>
            <source>Card payments are off on this till. Take cash.</source>
            <translation>Os pagamentos com cartão estão desligados nesta caixa. Aceite numerário.</translation>
        </message>
        <message>
            <source>Void the sale</source>
            <translation>Anular a venda</translation>
        </message>
        <message>
            <source>{amount} is already paid by card. Voiding the sale refunds it to the card. Go ahead?</source>
            <translation>{amount} já foi pago com cartão. Anular a venda reembolsa-o no cartão. Continuar?</translation>
        </message>
    </context>
    <context>
        <name>TillPage</name>
        <message>
            <source>Open the till</source>
            <translation>Abrir caixa</translation>
        </message>
        <message>
            <source>Cash in</source>
            <translation>Entrada</translation>
        </message>
        <message>
            <source>Cash out</source>
            <translation>Saída</translation>
        </message>
        <message>
            <source>Drop to safe</source>
            <translation>Para o cofre</translation>
        </message>
        <message>
            <source>No sale</source>
            <translation>Sem venda</translation>
        </message>
        <message>
            <source>X report</source>
            <translation>Relatório X</translation>
        </message>
        <message>
            <source>Close (blind count)</source>
            <translation>Fecho cego</translation>
        </message>
        <message>
            <source>Last Z report</source>
            <translation>Último rel. Z</translation>
        </message>
        <message>
            <source>Save PDF</source>
            <translation>Guardar PDF</translation>
        </message>
        <message>
            <source>Print</source>
            <translation>Imprimir</translation>
        </message>
    </context>
    <context>
        <name>TillPresenter</name>
        <message>
            <source>The till is closed. Open it with a counted float.</source>
            <translation>A caixa está fechada. Abra-a com um fundo de caixa contado.</translation>
        </message>
        <message>
            <source>Open since {at} (session {session})</source>
            <translation>Aberta desde {at} (sessão {session})</translation>
        </message>
        <message>
            <source>Opening count</source>
            <translation>Contagem de abertura</translation>
        </message>
        <message>
            <source>Count the float in the drawer, note by note and coin by coin.</source>
            <translation>Conte o fundo de caixa na gaveta, nota a nota e moeda a moeda.</translation>
        </message>
        <message>
            <source>That is not an amount.</source>
            <translation>Isso não é um valor.</translation>
        </message>
        <message>
            <source>Reason (kept with the movement):</source>
            <translation>Motivo (guardado com o movimento):</translation>
        </message>
        <message>
            <source>Amount:</source>
            <translation>Valor:</translation>
        </message>
        <message>
            <source>Cash in</source>
            <translation>Entrada</translation>
        </message>
        <message>
            <source>Cash out</source>
            <translation>Saída</translation>
        </message>
        <message>
            <source>Drop to the safe</source>
            <translation>Depósito no cofre</translation>
        </message>
        <message>
            <source>No sale</source>
            <translation>Sem venda</translation>
        </message>
        <message>
            <source>Why open the drawer? (logged)</source>
            <translation>Porquê abrir a gaveta? (registado)</translation>
        </message>
        <message>
            <source>X report · session {session} · not closed</source>
            <translation>Relatório X · sessão {session} · não fechada</translation>
        </message>
        <message>
            <source>Sales by hour</source>
            <translation>Vendas por hora</translation>
        </message>
        <message>
            <source>X report: the session so far. Nothing was closed.</source>
            <translation>Relatório X: a sessão até agora. Nada foi fechado.</translation>
        </message>
        <message>
            <source>Blind count</source>
            <translation>Contagem cega</translation>
        </message>
        <message>
            <source>Count the drawer. The expected amount is shown after the count.</source>
            <translation>Conte a gaveta. O valor esperado aparece depois da contagem.</translation>
        </message>
        <message>
            <source>Counted</source>
            <translation>Contado</translation>
        </message>
        <message>
            <source>Expected</source>
            <translation>Esperado</translation>
        </message>
        <message>
            <source>Over (+) / short (−)</source>
            <translation>Sobra (+) / falta (−)</translation>
        </message>
        <message>
            <source>Exactly as expected.</source>
            <translation>Exatamente o esperado.</translation>
        </message>
        <message>
            <source>Above {limit}: a manager approves the difference.</source>
            <translation>Acima de {limit}: um gerente aprova a diferença.</translation>
        </message>
        <message>
            <source>Say why, and close.</source>
            <translation>Diga porquê e feche.</translation>
        </message>
        <message>
            <source>No closed session yet.</source>
            <translation>Ainda não há sessões fechadas.</translation>
        </message>
        <message>
            <source>Show a Z report first.</source>
            <translation>Mostre primeiro um relatório Z.</translation>
        </message>
        <message>
            <source>Save the Z report</source>
            <translation>Guardar o relatório Z</translation>
        </message>
        <message>
            <source>Saved: {path}</source>
            <translation>Guardado: {path}</translation>
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
            <translation>Descontos</translation>
        </message>
        <message>
            <source>Paid</source>
            <translation>Pago</translation>
        </message>
        <message>
            <source>Still to pay</source>
            <translation>Por pagar</translation>
        </message>
        <message>
            <source>1 item</source>
            <translation>1 artigo</translation>
        </message>
        <message numerus="yes">
            <source>%n items</source>
            <translation>
                <numerusform>%n artigo</numerusform>
                <numerusform>%n artigos</numerusform>
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
