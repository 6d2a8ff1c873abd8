<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_CA" sourcelanguage="en_US">
<context>
    <name>AcceptDialog</name>
    <message>
        <source>Accept order {number}</source>
        <translation>Accepter la commande {number}</translation>
    </message>
    <message>
        <source>How many minutes until it is ready?</source>
        <translation>Prête dans combien de minutes?</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} min</translation>
    </message>
    <message>
        <source>Other time:</source>
        <translation>Autre délai :</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Accepter</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
</context>
<context>
    <name>CancelDialog</name>
    <message>
        <source>Cancel order {number}</source>
        <translation>Annuler la commande {number}</translation>
    </message>
    <message>
        <source>Cancel order {number}?</source>
        <translation>Annuler la commande {number}?</translation>
    </message>
    <message>
        <source>Why? The platform asks for a reason:</source>
        <translation>Pourquoi? La plateforme demande une raison :</translation>
    </message>
    <message>
        <source>Back, keep the order</source>
        <translation>Retour, garder la commande</translation>
    </message>
    <message>
        <source>Cancel the order</source>
        <translation>Annuler la commande</translation>
    </message>
</context>
<context>
    <name>Counter</name>
    <message>
        <source>it is already being sent to the platform.</source>
        <translation>c&apos;est déjà en cours d&apos;envoi à la plateforme.</translation>
    </message>
    <message>
        <source>the order&apos;s current state does not allow it.</source>
        <translation>l&apos;état actuel de la commande ne le permet pas.</translation>
    </message>
    <message>
        <source>this order is no longer in the database.</source>
        <translation>cette commande n&apos;est plus dans la base de données.</translation>
    </message>
    <message>
        <source>the request was incomplete; please report this to support.</source>
        <translation>la demande était incomplète; merci de le signaler au support.</translation>
    </message>
    <message>
        <source>POS Bridge&apos;s order service is restarting; try again in a moment.</source>
        <translation>Le service de commandes de POS Bridge redémarre; réessayez dans un instant.</translation>
    </message>
    <message>
        <source>this platform account is not connected; check its credentials.</source>
        <translation>ce compte de plateforme n&apos;est pas connecté ; vérifiez ses identifiants.</translation>
    </message>
    <message>
        <source>it could not be queued.</source>
        <translation>impossible de la mettre en file d&apos;attente.</translation>
    </message>
    <message>
        <source>Something went wrong ({task}): {error}. Details are in the log file.</source>
        <translation>Un problème est survenu ({task}) : {error}. Les détails sont dans le journal.</translation>
    </message>
    <message>
        <source>Order {number}: the platform did not get our acknowledgement</source>
        <translation>Commande {number} : la plateforme n&apos;a pas reçu notre accusé de réception</translation>
    </message>
    <message>
        <source>Order {number}: {action} FAILED</source>
        <translation>Commande {number} : {action} a ÉCHOUÉ</translation>
    </message>
    <message>
        <source>The platform said: {answer}</source>
        <translation>Réponse de la plateforme : {answer}</translation>
    </message>
    <message>
        <source>{account}: POS Bridge&apos;s order service stopped at {time} and was started again by itself. No order was lost.</source>
        <translation>{account} : le service de commandes de POS Bridge s&apos;est arrêté à {time} et a redémarré tout seul. Aucune commande n&apos;a été perdue.</translation>
    </message>
    <message>
        <source>New order {number}</source>
        <translation>Nouvelle commande {number}</translation>
    </message>
    <message numerus="yes">
        <source>%n new orders</source>
        <translation>
            <numerusform>%n nouvelle commande</numerusform>
            <numerusform>%n nouvelles commandes</numerusform>
        </translation>
    </message>
    <message>
        <source>Order {number} was CANCELLED</source>
        <translation>La commande {number} a été ANNULÉE</translation>
    </message>
    <message>
        <source>Stop preparing it, then confirm in POS Bridge that you saw it.</source>
        <translation>Arrêtez la préparation, puis confirmez dans POS Bridge que vous l&apos;avez vue.</translation>
    </message>
    <message>
        <source>Order {number}: the customer asks to cancel</source>
        <translation>Commande {number} : le client demande l&apos;annulation</translation>
    </message>
    <message>
        <source>{account}: an order could not be read</source>
        <translation>{account} : une commande n&apos;a pas pu être lue</translation>
    </message>
    <message>
        <source>It was kept but NOT acknowledged. Open it under Problems.</source>
        <translation>Elle a été conservée mais PAS confirmée à la plateforme. Ouvrez-la sous Problèmes.</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) waiting to be opened</source>
        <translation>
            <numerusform>%n commande à ouvrir</numerusform>
            <numerusform>%n commandes à ouvrir</numerusform>
        </translation>
    </message>
    <message>
        <source>No unopened orders</source>
        <translation>Aucune commande à ouvrir</translation>
    </message>
    <message numerus="yes">
        <source>%n NEW ORDER(S): {numbers}. Tap to open.</source>
        <translation>
            <numerusform>%n NOUVELLE COMMANDE : {numbers}. Touchez pour ouvrir.</numerusform>
            <numerusform>%n NOUVELLES COMMANDES : {numbers}. Touchez pour ouvrir.</numerusform>
        </translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) CANCELLED: {numbers}. Stop preparing, open and confirm.</source>
        <translation>
            <numerusform>%n commande ANNULÉE : {numbers}. Arrêtez la préparation, ouvrez et confirmez.</numerusform>
            <numerusform>%n commandes ANNULÉES : {numbers}. Arrêtez la préparation, ouvrez et confirmez.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) with a PROBLEM: {numbers}.</source>
        <translation>
            <numerusform>%n commande avec un PROBLÈME : {numbers}.</numerusform>
            <numerusform>%n commandes avec un PROBLÈME : {numbers}.</numerusform>
        </translation>
    </message>
    <message>
        <source>DEMO — these orders come from the built-in simulator, not from real customers.</source>
        <translation>DÉMO — ces commandes viennent du simulateur intégré, pas de vrais clients.</translation>
    </message>
    <message>
        <source>Alert sounds are MUTED: new orders will not ring.</source>
        <translation>Les sons d&apos;alerte sont COUPÉS : les nouvelles commandes ne sonneront pas.</translation>
    </message>
    <message>
        <source>Unmute</source>
        <translation>Réactiver le son</translation>
    </message>
    <message>
        <source>{account} is OFFLINE since {time}: new orders cannot arrive. Check the internet connection.</source>
        <translation>{account} est HORS LIGNE depuis {time} : aucune nouvelle commande ne peut arriver. Vérifiez la connexion Internet.</translation>
    </message>
    <message>
        <source>{account}: the platform refused the login. No orders arrive until the credentials are fixed.</source>
        <translation>{account} : la plateforme a refusé la connexion. Aucune commande n&apos;arrivera tant que les identifiants ne seront pas corrigés.</translation>
    </message>
    <message>
        <source>{account}: POS Bridge&apos;s order service stopped and is being started again. Orders already received are safe.</source>
        <translation>{account} : le service de commandes de POS Bridge s&apos;est arrêté et redémarre. Les commandes déjà reçues sont en sécurité.</translation>
    </message>
    <message>
        <source>{account}: POS Bridge has stopped checking for orders. Restart POS Bridge if this does not clear.</source>
        <translation>{account} : POS Bridge ne vérifie plus les commandes. Redémarrez POS Bridge si cela persiste.</translation>
    </message>
    <message>
        <source>{account}: the platform answers with errors; orders may arrive late.</source>
        <translation>{account} : la plateforme répond avec des erreurs; les commandes peuvent arriver en retard.</translation>
    </message>
    <message>
        <source>Not sent: {reason}</source>
        <translation>Non envoyé : {reason}</translation>
    </message>
    <message>
        <source>POS Bridge is still running</source>
        <translation>POS Bridge fonctionne toujours</translation>
    </message>
    <message>
        <source>Orders keep arriving. Quit from the tray menu.</source>
        <translation>Les commandes continuent d&apos;arriver. Quittez par le menu de la zone de notification.</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <source>Something went wrong inside POS Bridge: {error}. Orders keep being saved. The details are in the log file: {path}</source>
        <translation>Une erreur est survenue dans POS Bridge : {error}. Les commandes sont toujours enregistrées. Les détails sont dans le journal : {path}</translation>
    </message>
</context>
<context>
    <name>FirstRunWindow</name>
    <message>
        <source>POS Bridge — first start</source>
        <translation>POS Bridge — premier démarrage</translation>
    </message>
    <message>
        <source>Welcome to POS Bridge</source>
        <translation>Bienvenue dans POS Bridge</translation>
    </message>
    <message>
        <source>The configuration cannot be used: {error}</source>
        <translation>La configuration est inutilisable : {error}</translation>
    </message>
    <message>
        <source>There is no configuration yet, so POS Bridge does not know your accounts.</source>
        <translation>Il n&apos;y a pas encore de configuration : POS Bridge ne connaît pas vos comptes.</translation>
    </message>
    <message>
        <source>Create the file {path} with one [[accounts]] block per platform account, like the example below, then start POS Bridge again. Secrets (tokens, passwords) stay in the system keyring, never in the file. To see POS Bridge work first, try the demo: it uses a built-in simulator and changes nothing on your PC.</source>
        <translation>Créez le fichier {path} avec un bloc [[accounts]] par compte de plateforme, comme dans l&apos;exemple ci-dessous, puis redémarrez POS Bridge. Les secrets (jetons, mots de passe) restent dans le trousseau du système, jamais dans le fichier. Pour voir POS Bridge fonctionner d&apos;abord, essayez la démo : elle utilise un simulateur intégré et ne modifie rien sur votre ordinateur.</translation>
    </message>
    <message>
        <source>Try the demo</source>
        <translation>Essayer la démo</translation>
    </message>
    <message>
        <source>Open the folder</source>
        <translation>Ouvrir le dossier</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <source>NEW</source>
        <translation>NOUVELLE</translation>
    </message>
    <message>
        <source>Preparing</source>
        <translation>En préparation</translation>
    </message>
    <message>
        <source>On the way</source>
        <translation>En route</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <source>Cancel requested</source>
        <translation>Annulation demandée</translation>
    </message>
    <message>
        <source>CANCELLED</source>
        <translation>ANNULÉE</translation>
    </message>
    <message>
        <source>Check on platform</source>
        <translation>À vérifier sur la plateforme</translation>
    </message>
    <message>
        <source>Acknowledgement</source>
        <translation>Accusé de réception</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Acceptation</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Livraison terminée</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annulation</translation>
    </message>
    <message>
        <source>Allocate</source>
        <translation>Allocation</translation>
    </message>
    <message>
        <source>Confirm cancellation</source>
        <translation>Confirmer l&apos;annulation</translation>
    </message>
    <message>
        <source>Reject cancellation</source>
        <translation>Refuser l&apos;annulation</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Envoi…</translation>
    </message>
    <message>
        <source>Sent ✓</source>
        <translation>Envoyé ✓</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>ÉCHEC</translation>
    </message>
    <message>
        <source>No longer needed</source>
        <translation>Plus nécessaire</translation>
    </message>
    <message>
        <source>{status} → {action}…</source>
        <translation>{status} → {action}…</translation>
    </message>
    <message>
        <source>{status} · {action} FAILED</source>
        <translation>{status} · {action} : ÉCHEC</translation>
    </message>
    <message>
        <source>✓ Yes</source>
        <translation>✓ Oui</translation>
    </message>
    <message>
        <source>⚠ NO</source>
        <translation>⚠ NON</translation>
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
        <translation>{n} j</translation>
    </message>
    <message>
        <source>LATE {time}</source>
        <translation>EN RETARD {time}</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Reçue</translation>
    </message>
    <message>
        <source>Status changed</source>
        <translation>Statut modifié</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Accusé de réception envoyé</translation>
    </message>
    <message>
        <source>Cancellation seen by staff</source>
        <translation>Annulation vue par le personnel</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Ouverte</translation>
    </message>
    <message>
        <source>{action} sent</source>
        <translation>{action} envoyée</translation>
    </message>
    <message>
        <source>{action} failed</source>
        <translation>{action} : échec</translation>
    </message>
    <message>
        <source>{action} requested</source>
        <translation>{action} demandée</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Livraison</translation>
    </message>
    <message>
        <source>Pickup by the customer</source>
        <translation>Cueillette par le client</translation>
    </message>
    <message>
        <source>Shipping</source>
        <translation>Expédition</translation>
    </message>
</context>
<context>
    <name>GuiApp</name>
    <message>
        <source>POS Bridge cannot start</source>
        <translation>POS Bridge ne peut pas démarrer</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Search: order number, customer, dish…</source>
        <translation>Rechercher : no de commande, client, plat…</translation>
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
        <translation>Cacher dans la zone de notification</translation>
    </message>
    <message>
        <source>Minimise</source>
        <translation>Réduire</translation>
    </message>
    <message>
        <source>&amp;Quit POS Bridge</source>
        <translation>&amp;Quitter POS Bridge</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>&amp;Sound</source>
        <translation>&amp;Son</translation>
    </message>
    <message>
        <source>Mute alert sounds</source>
        <translation>Couper les sons d&apos;alerte</translation>
    </message>
    <message>
        <source>Play the alert sounds (test)</source>
        <translation>Jouer les sons d&apos;alerte (test)</translation>
    </message>
    <message>
        <source>Sound: MUTED</source>
        <translation>Son : COUPÉ</translation>
    </message>
    <message>
        <source>Sound: on</source>
        <translation>Son : actif</translation>
    </message>
    <message>
        <source>POS Bridge — orders</source>
        <translation>POS Bridge — commandes</translation>
    </message>
    <message>
        <source>POS Bridge — DEMO</source>
        <translation>POS Bridge — DÉMO</translation>
    </message>
    <message>
        <source>All ({n})</source>
        <translation>Toutes ({n})</translation>
    </message>
    <message>
        <source>Needs action ({n})</source>
        <translation>À traiter ({n})</translation>
    </message>
    <message>
        <source>In progress ({n})</source>
        <translation>En cours ({n})</translation>
    </message>
    <message>
        <source>Done ({n})</source>
        <translation>Terminées ({n})</translation>
    </message>
    <message>
        <source>Problems ({n})</source>
        <translation>Problèmes ({n})</translation>
    </message>
</context>
<context>
    <name>OrderDetailPane</name>
    <message>
        <source>Tap an order in the list to see it here.</source>
        <translation>Touchez une commande dans la liste pour la voir ici.</translation>
    </message>
    <message>
        <source>✓ Accept…</source>
        <translation>✓ Accepter…</translation>
    </message>
    <message>
        <source>✕ Cancel order…</source>
        <translation>✕ Annuler…</translation>
    </message>
    <message>
        <source>➜ On the way</source>
        <translation>➜ En route</translation>
    </message>
    <message>
        <source>✓ Complete</source>
        <translation>✓ Terminée</translation>
    </message>
    <message>
        <source>I have seen this cancellation</source>
        <translation>J&apos;ai vu cette annulation</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Commande</translation>
    </message>
    <message>
        <source>Sent to platform</source>
        <translation>Envois</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Raw data</source>
        <translation>Données brutes</translation>
    </message>
    <message>
        <source>received {time} ({ago} ago)</source>
        <translation>reçue à {time} (il y a {ago})</translation>
    </message>
    <message>
        <source>time left: {time}</source>
        <translation>temps restant : {time}</translation>
    </message>
    <message>
        <source>This order was CANCELLED. Stop preparing it.</source>
        <translation>Cette commande a été ANNULÉE. Arrêtez sa préparation.</translation>
    </message>
    <message>
        <source>The customer asks to cancel this order.</source>
        <translation>Le client demande l&apos;annulation de cette commande.</translation>
    </message>
    <message>
        <source>UNREADABLE</source>
        <translation>ILLISIBLE</translation>
    </message>
    <message>
        <source>{account} · first seen {time} · seen {n} times</source>
        <translation>{account} · vue pour la première fois à {time} · vue {n} fois</translation>
    </message>
    <message>
        <source>The platform sent an order POS Bridge cannot read. It was kept but NOT acknowledged. Check it on the platform&apos;s own panel and call support. Reason: {reason}</source>
        <translation>La plateforme a envoyé une commande que POS Bridge ne peut pas lire. Elle a été conservée mais PAS confirmée. Vérifiez-la dans le portail de la plateforme et appelez le soutien. Raison : {reason}</translation>
    </message>
    <message>
        <source>The platform has not received our acknowledgement yet. It keeps trying. The platform said: {answer}</source>
        <translation>La plateforme n&apos;a pas encore reçu notre accusé de réception. Nouvel essai en cours. Réponse de la plateforme : {answer}</translation>
    </message>
    <message>
        <source>{action} failed. The platform said: {answer}</source>
        <translation>{action} : échec. Réponse de la plateforme : {answer}</translation>
    </message>
    <message>
        <source>({n} min)</source>
        <translation>({n} min)</translation>
    </message>
    <message>
        <source>(try {n})</source>
        <translation>(essai {n})</translation>
    </message>
    <message>
        <source>The platform said: {answer}</source>
        <translation>Réponse de la plateforme : {answer}</translation>
    </message>
    <message>
        <source>The item list has a shape POS Bridge does not know: see Raw data.</source>
        <translation>La liste d&apos;articles a une forme inconnue de POS Bridge : voir Données brutes.</translation>
    </message>
    <message>
        <source>Delivery fee</source>
        <translation>Frais de livraison</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Rabais</translation>
    </message>
    <message>
        <source>Tip</source>
        <translation>Pourboire</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Note from the customer:</source>
        <translation>Note du client :</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Livraison</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Paiement</translation>
    </message>
    <message>
        <source>Placed</source>
        <translation>Passée à</translation>
    </message>
    <message>
        <source>Platform status</source>
        <translation>Statut sur la plateforme</translation>
    </message>
    <message>
        <source>Platform key</source>
        <translation>Clé de la plateforme</translation>
    </message>
    <message>
        <source>Nothing sent yet.</source>
        <translation>Rien d&apos;envoyé pour l&apos;instant.</translation>
    </message>
    <message>
        <source>platform</source>
        <translation>plateforme</translation>
    </message>
    <message>
        <source>staff</source>
        <translation>personnel</translation>
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
        <translation>Reçue</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plateforme</translation>
    </message>
    <message>
        <source>Order no.</source>
        <translation>No commande</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Articles</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Confirmée</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Temps restant</translation>
    </message>
    <message>
        <source>⚠ UNREADABLE</source>
        <translation>⚠ ILLISIBLE</translation>
    </message>
    <message>
        <source>Not acknowledged</source>
        <translation>Non confirmée</translation>
    </message>
</context>
<context>
    <name>QuitDialog</name>
    <message>
        <source>Quit POS Bridge?</source>
        <translation>Quitter POS Bridge?</translation>
    </message>
    <message>
        <source>While POS Bridge is closed, new orders are not received or acknowledged, and the platforms may cancel them.</source>
        <translation>Tant que POS Bridge est fermé, les nouvelles commandes ne sont ni reçues ni confirmées, et les plateformes peuvent les annuler.</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>Keep running</source>
        <translation>Continuer</translation>
    </message>
</context>
<context>
    <name>Sound</name>
    <message>
        <source>Sound cannot play on this PC (the sound system is missing): order alerts are SILENT.</source>
        <translation>Le son ne peut pas jouer sur cet ordinateur (système audio absent) : les alertes de commande sont SILENCIEUSES.</translation>
    </message>
    <message>
        <source>No speakers or headphones found: order alerts are SILENT.</source>
        <translation>Aucun haut-parleur ni casque trouvé : les alertes de commande sont SILENCIEUSES.</translation>
    </message>
    <message>
        <source>The alert sounds cannot be played (audio error): order alerts are SILENT.</source>
        <translation>Les sons d&apos;alerte ne peuvent pas jouer (erreur audio) : les alertes de commande sont SILENCIEUSES.</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>last poll {time}</source>
        <translation>dernière vérification {time}</translation>
    </message>
    <message>
        <source>{ms} ms</source>
        <translation>{ms} ms</translation>
    </message>
    <message>
        <source>{name} · connecting…</source>
        <translation>{name} · connexion…</translation>
    </message>
    <message>
        <source>{name} · stopped</source>
        <translation>{name} · arrêté</translation>
    </message>
    <message>
        <source>{name} · OFFLINE</source>
        <translation>{name} · HORS LIGNE</translation>
    </message>
    <message>
        <source>{name} · LOGIN REFUSED</source>
        <translation>{name} · CONNEXION REFUSÉE</translation>
    </message>
    <message>
        <source>{name} · NOT POLLING</source>
        <translation>{name} · AUCUNE VÉRIFICATION</translation>
    </message>
    <message>
        <source>{name} · RESTARTING</source>
        <translation>{name} · REDÉMARRAGE</translation>
    </message>
    <message>
        <source>{name} · errors from the platform</source>
        <translation>{name} · erreurs de la plateforme</translation>
    </message>
    <message>
        <source>since {time} ({ago})</source>
        <translation>depuis {time} ({ago})</translation>
    </message>
    <message>
        <source>last good poll {time}</source>
        <translation>dernière vérification réussie {time}</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Show the orders window</source>
        <translation>Afficher la fenêtre des commandes</translation>
    </message>
    <message>
        <source>Mute alert sounds</source>
        <translation>Couper les sons d&apos;alerte</translation>
    </message>
    <message>
        <source>Quit POS Bridge</source>
        <translation>Quitter POS Bridge</translation>
    </message>
    <message>
        <source>No unopened orders</source>
        <translation>Aucune commande à ouvrir</translation>
    </message>
</context>
</TS>
