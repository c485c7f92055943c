<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
<context>
    <name>Accessibility</name>
    <message>
        <location filename="../app/contrechamp/ui/accessibility.py" line="67" />
        <source>Map</source>
        <translation>Carte</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/accessibility.py" line="68" />
        <source>Direction compass</source>
        <translation>Boussole de direction</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/accessibility.py" line="69" />
        <location filename="../app/contrechamp/ui/accessibility.py" line="79" />
        <source>Photos of the camera</source>
        <translation>Photos de la caméra</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/accessibility.py" line="70" />
        <source>Tags in OpenStreetMap</source>
        <translation>Attributs dans OpenStreetMap</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/accessibility.py" line="71" />
        <source>Cameras</source>
        <translation>Caméras</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/accessibility.py" line="72" />
        <source>Drafts to review</source>
        <translation>Brouillons à vérifier</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/accessibility.py" line="73" />
        <source>Photos of the draft</source>
        <translation>Photos du brouillon</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/accessibility.py" line="74" />
        <source>Photos to place on the map</source>
        <translation>Photos à placer sur la carte</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/accessibility.py" line="75" />
        <source>Cameras to review</source>
        <translation>Caméras à vérifier</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/accessibility.py" line="76" />
        <source>Sightings of the camera</source>
        <translation>Observations de la caméra</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/accessibility.py" line="80" />
        <source>Official list</source>
        <translation>Liste officielle</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/accessibility.py" line="81" />
        <source>Cameras of the official list</source>
        <translation>Caméras de la liste officielle</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/accessibility.py" line="84" />
        <source>Sectors</source>
        <translation>Secteurs</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/accessibility.py" line="85" />
        <source>Kinds of cameras</source>
        <translation>Types de caméras</translation>
    </message>
</context>
<context>
    <name>BlurReviewDialog</name>
    <message>
        <location filename="../app/contrechamp/ui/photos/blur_review.py" line="157" />
        <source>Review blurred regions</source>
        <translation>Vérifier les zones floutées</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/photos/blur_review.py" line="160" />
        <source>Red: faces found. Orange: drawn by hand. Drag on a photo to blur a region (a number plate, a name); click one, or press Space, then Delete to stop blurring it. Arrows move between photos, Enter opens one large, Ctrl+Z undoes.</source>
        <translation>Rouge : visages trouvés. Orange : tracés à la main. Tracez un rectangle sur une photo pour flouter une zone (une plaque, un nom) ; cliquez-en une, ou appuyez sur Espace, puis sur Suppr pour ne plus la flouter. Les flèches passent d’une photo à l’autre, Entrée en ouvre une en grand, Ctrl+Z annule.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/photos/blur_review.py" line="165" />
        <source>&amp;Previous</source>
        <translation>&amp;Précédentes</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/photos/blur_review.py" line="166" />
        <source>&amp;Next</source>
        <translation>&amp;Suivantes</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/photos/blur_review.py" line="170" />
        <source>&amp;Export</source>
        <translation>&amp;Exporter</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/photos/blur_review.py" line="170" />
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/photos/blur_review.py" line="216" />
        <source>No photos to review.</source>
        <translation>Aucune photo à vérifier.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/photos/blur_review.py" line="218" />
        <source>Photos %1–%2 of %3</source>
        <translation>Photos %1 à %2 sur %3</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/photos/blur_review.py" line="225" />
        <location filename="../app/contrechamp/ui/photos/blur_review.py" line="294" />
        <source>Photo %1</source>
        <translation>Photo %1</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/photos/blur_review.py" line="252" />
        <source>Blur a region</source>
        <translation>Flouter une zone</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/photos/blur_review.py" line="256" />
        <source>Stop blurring a region</source>
        <translation>Ne plus flouter une zone</translation>
    </message>
</context>
<context>
    <name>CameraForm</name>
    <message>
        <location filename="../app/contrechamp/ui/form/camera_form.py" line="181" />
        <source>&amp;Kind</source>
        <translation>&amp;Catégorie</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/camera_form.py" line="182" />
        <source>&amp;Area filmed</source>
        <translation>&amp;Espace filmé</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/camera_form.py" line="183" />
        <source>&amp;Type</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/camera_form.py" line="184" />
        <source>&amp;Mount</source>
        <translation>Fi&amp;xation</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/camera_form.py" line="185" />
        <source>&amp;Direction</source>
        <translation>&amp;Direction</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/camera_form.py" line="186" />
        <source>&amp;Height (m)</source>
        <translation>&amp;Hauteur (m)</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/camera_form.py" line="187" />
        <source>T&amp;ilt (° down)</source>
        <translation>&amp;Inclinaison (°)</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/camera_form.py" line="188" />
        <source>&amp;Zone</source>
        <translation>&amp;Zone</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/camera_form.py" line="189" />
        <source>&amp;Operator</source>
        <translation>&amp;Opérateur</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/camera_form.py" line="190" />
        <source>&amp;Notes (private)</source>
        <translation>&amp;Notes (privées)</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/camera_form.py" line="191" />
        <source>Sheet &amp;line</source>
        <translation>&amp;Ligne de fiche</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/camera_form.py" line="192" />
        <source>&amp;Status</source>
        <translation>&amp;Statut</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/camera_form.py" line="206" />
        <source>Never sent to OpenStreetMap</source>
        <translation>Jamais envoyées à OpenStreetMap</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/camera_form.py" line="207" />
        <source>16 points</source>
        <translation>16 directions</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/camera_form.py" line="208" />
        <source>&amp;Use suggestions</source>
        <translation>&amp;Appliquer les suggestions</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/camera_form.py" line="209" />
        <source>&amp;Glossary (F1)</source>
        <translation>&amp;Glossaire (F1)</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/camera_form.py" line="210" />
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/camera_form.py" line="211" />
        <source>Done (Enter)</source>
        <translation>Terminé (Entrée)</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/camera_form.py" line="282" />
        <source>No camera selected</source>
        <translation>Aucune caméra choisie</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/camera_form.py" line="304" />
        <source>Camera · %1</source>
        <translation>Caméra · %1</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/camera_form.py" line="306" />
        <source>Placed at your GPS position</source>
        <translation>Placée à votre position GPS</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/camera_form.py" line="307" />
        <source>Placed on the map</source>
        <translation>Placée sur la carte</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/camera_form.py" line="308" />
        <source>Placed from a photo</source>
        <translation>Placée d’après une photo</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/camera_form.py" line="309" />
        <source>Position from a file or from OSM</source>
        <translation>Position venue d’un fichier ou d’OSM</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/camera_form.py" line="312" />
        <source>(±%1 m)</source>
        <translation>(±%1 m)</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/camera_form.py" line="314" />
        <source>Re-checks OSM camera %1</source>
        <translation>Revérifie la caméra OSM %1</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/camera_form.py" line="320" />
        <source>To check:</source>
        <translation>À vérifier :</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/camera_form.py" line="336" />
        <source>Change %1</source>
        <translation>Modifier : %1</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/camera_form.py" line="356" />
        <source>Change notes</source>
        <translation>Modifier les notes</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/camera_form.py" line="363" />
        <source>Change status</source>
        <translation>Modifier le statut</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/camera_form.py" line="366" />
        <source>Use suggestions</source>
        <translation>Appliquer les suggestions</translation>
    </message>
</context>
<context>
    <name>CameraList</name>
    <message>
        <location filename="../app/contrechamp/ui/camera_list.py" line="75" />
        <source>All cameras</source>
        <translation>Toutes les caméras</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/camera_list.py" line="80" />
        <source>Only those with something to check</source>
        <translation>Seulement celles à vérifier</translation>
    </message>
</context>
<context>
    <name>CamerasModel</name>
    <message>
        <location filename="../app/contrechamp/ui/cameras_model.py" line="272" />
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/cameras_model.py" line="273" />
        <source>To check</source>
        <translation>À vérifier</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/cameras_model.py" line="274" />
        <source>Camera</source>
        <translation>Caméra</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/cameras_model.py" line="275" />
        <source>Direction</source>
        <translation>Direction</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/cameras_model.py" line="276" />
        <source>Mount</source>
        <translation>Fixation</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/cameras_model.py" line="277" />
        <source>Logged</source>
        <translation>Notée à</translation>
    </message>
</context>
<context>
    <name>CampaignDialog</name>
    <message>
        <location filename="../app/contrechamp/ui/campaign_dialog.py" line="267" />
        <source>Campaign</source>
        <translation>Campagne</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/campaign_dialog.py" line="268" />
        <source>Campaign a&amp;ddress</source>
        <translation>A&amp;dresse de la campagne</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/campaign_dialog.py" line="268" />
        <source>&amp;Comment</source>
        <translation>&amp;Commentaire</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/campaign_dialog.py" line="268" />
        <source>&amp;Area</source>
        <translation>&amp;Zone</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/campaign_dialog.py" line="274" />
        <source>No password here: it comes from the keyring, PGPASSWORD or ~/.pgpass, or Contrechamp asks for it.</source>
        <translation>Pas de mot de passe ici : il vient du trousseau, de PGPASSWORD ou de ~/.pgpass, ou Contrechamp le demande.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/campaign_dialog.py" line="278" />
        <source>What this push brings</source>
        <translation>Ce que cet envoi apporte</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/campaign_dialog.py" line="279" />
        <source>&amp;Status</source>
        <translation>&amp;État</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/campaign_dialog.py" line="280" />
        <source>Push</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/campaign_dialog.py" line="281" />
        <source>&amp;Push this survey</source>
        <translation>E&amp;nvoyer ce relevé</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/campaign_dialog.py" line="282" />
        <source>Pull</source>
        <translation>Récupérer</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/campaign_dialog.py" line="283" />
        <source>With p&amp;hotos</source>
        <translation>Avec les p&amp;hotos</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/campaign_dialog.py" line="284" />
        <source>Pu&amp;ll into a new survey…</source>
        <translation>&amp;Récupérer dans un nouveau relevé…</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/campaign_dialog.py" line="285" />
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/campaign_dialog.py" line="287" />
        <location filename="../app/contrechamp/ui/campaign_dialog.py" line="305" />
        <source>The map view</source>
        <translation>La vue de la carte</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/campaign_dialog.py" line="400" />
        <source>The password is kept in the keyring.</source>
        <translation>Le mot de passe est gardé dans le trousseau.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/campaign_dialog.py" line="402" />
        <source>No keyring: the password is kept until Contrechamp quits.</source>
        <translation>Pas de trousseau : le mot de passe est gardé jusqu’à la fermeture de Contrechamp.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/campaign_dialog.py" line="443" />
        <source>Reading the campaign…</source>
        <translation>Lecture de la campagne…</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/campaign_dialog.py" line="459" />
        <source>%n camera(s) in the campaign,</source>
        <translation>
            <numerusform>%n caméra dans la campagne,</numerusform>
            <numerusform>%n caméras dans la campagne,</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/campaign_dialog.py" line="461" />
        <source>%n confirmed.</source>
        <translation>
            <numerusform>%n confirmée.</numerusform>
            <numerusform>%n confirmées.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/campaign_dialog.py" line="462" />
        <source>%n survey(s) pushed,</source>
        <translation>
            <numerusform>%n relevé envoyé,</numerusform>
            <numerusform>%n relevés envoyés,</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/campaign_dialog.py" line="464" />
        <location filename="../app/contrechamp/ui/campaign_dialog.py" line="521" />
        <source>%n conflict(s) to decide.</source>
        <translation>
            <numerusform>%n conflit à trancher.</numerusform>
            <numerusform>%n conflits à trancher.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/campaign_dialog.py" line="465" />
        <source>%n photo(s),</source>
        <translation>
            <numerusform>%n photo,</numerusform>
            <numerusform>%n photos,</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/campaign_dialog.py" line="467" />
        <source>%n sector(s).</source>
        <translation>
            <numerusform>%n secteur.</numerusform>
            <numerusform>%n secteurs.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/campaign_dialog.py" line="472" />
        <source>Last push: %1, by %2 (%3).</source>
        <translation>Dernier envoi : %1, par %2 (%3).</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/campaign_dialog.py" line="474" />
        <source>anonymous</source>
        <translation>anonyme</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/campaign_dialog.py" line="502" />
        <location filename="../app/contrechamp/ui/campaign_dialog.py" line="506" />
        <source>Pushing to the campaign…</source>
        <translation>Envoi vers la campagne…</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/campaign_dialog.py" line="519" />
        <source>Pushed: %n camera(s) added,</source>
        <translation>
            <numerusform>Envoyé : %n caméra ajoutée,</numerusform>
            <numerusform>Envoyé : %n caméras ajoutées,</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/campaign_dialog.py" line="520" />
        <source>%n changed,</source>
        <translation>
            <numerusform>%n modifiée,</numerusform>
            <numerusform>%n modifiées,</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/campaign_dialog.py" line="524" />
        <source>%n photo(s) sent.</source>
        <translation>
            <numerusform>%n photo envoyée.</numerusform>
            <numerusform>%n photos envoyées.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/campaign_dialog.py" line="526" />
        <source>Nothing new to push: the campaign has this survey already.</source>
        <translation>Rien de nouveau à envoyer : la campagne a déjà ce relevé.</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/campaign_dialog.py" line="530" />
        <source>%n camera(s) deleted here are marked deleted in the campaign.</source>
        <translation>
            <numerusform>%n caméra supprimée ici est marquée supprimée dans la campagne.</numerusform>
            <numerusform>%n caméras supprimées ici sont marquées supprimées dans la campagne.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/campaign_dialog.py" line="538" />
        <source>%n camera(s) deleted here were kept: changed in the campaign since the pull.</source>
        <translation>
            <numerusform>%n caméra supprimée ici a été gardée : elle a changé dans la campagne depuis la récupération.</numerusform>
            <numerusform>%n caméras supprimées ici ont été gardées : elles ont changé dans la campagne depuis la récupération.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/campaign_dialog.py" line="552" />
        <source>New survey from the campaign</source>
        <translation>Nouveau relevé depuis la campagne</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/campaign_dialog.py" line="553" />
        <source>campaign</source>
        <translation>campagne</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/campaign_dialog.py" line="554" />
        <source>Survey files</source>
        <translation>Fichiers de relevé</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/campaign_dialog.py" line="588" />
        <source>Pulling from the campaign…</source>
        <translation>Récupération depuis la campagne…</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/campaign_dialog.py" line="598" />
        <source>Pulled %n camera(s) into %1.</source>
        <translation>
            <numerusform>%n caméra récupérée dans %1.</numerusform>
            <numerusform>%n caméras récupérées dans %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/campaign_dialog.py" line="602" />
        <source>%n photo(s).</source>
        <translation>
            <numerusform>%n photo.</numerusform>
            <numerusform>%n photos.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Choices</name>
    <message>
        <location filename="../app/contrechamp/ui/form/choices.py" line="26" />
        <source>Camera</source>
        <translation>Caméra</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/choices.py" line="27" />
        <source>Plate reader (ALPR)</source>
        <translation>Lecteur de plaques (LAPI)</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/choices.py" line="28" />
        <source>Guard</source>
        <translation>Gardien</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/choices.py" line="29" />
        <source>Gunshot detector</source>
        <translation>Détecteur de coups de feu</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/choices.py" line="30" />
        <source>Public space</source>
        <translation>Espace public</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/choices.py" line="31" />
        <source>Outdoor, private</source>
        <translation>Extérieur privé</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/choices.py" line="32" />
        <source>Indoor</source>
        <translation>Intérieur</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/choices.py" line="33" />
        <source>Fixed (box)</source>
        <translation>Fixe (boîtier)</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/choices.py" line="34" />
        <source>Dome</source>
        <translation>Dôme</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/choices.py" line="35" />
        <source>Panning (PTZ)</source>
        <translation>Orientable (PTZ)</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/choices.py" line="36" />
        <source>Wall</source>
        <translation>Mur</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/choices.py" line="37" />
        <source>Pole</source>
        <translation>Poteau</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/choices.py" line="38" />
        <source>Ceiling</source>
        <translation>Plafond</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/choices.py" line="39" />
        <source>Street lamp</source>
        <translation>Lampadaire</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/choices.py" line="40" />
        <source>Traffic light</source>
        <translation>Feu tricolore</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/choices.py" line="41" />
        <source>Building</source>
        <translation>Bâtiment</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/choices.py" line="42" />
        <source>Roof</source>
        <translation>Toit</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/choices.py" line="43" />
        <source>Mast</source>
        <translation>Mât</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/choices.py" line="44" />
        <source>Gantry</source>
        <translation>Portique</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/choices.py" line="45" />
        <source>Tree</source>
        <translation>Arbre</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/choices.py" line="46" />
        <source>Town</source>
        <translation>Ville</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/choices.py" line="47" />
        <source>Traffic</source>
        <translation>Circulation</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/choices.py" line="48" />
        <source>Parking</source>
        <translation>Parking</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/choices.py" line="49" />
        <source>Shop</source>
        <translation>Commerce</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/choices.py" line="50" />
        <source>Bank</source>
        <translation>Banque</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/choices.py" line="51" />
        <source>Entrance</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/choices.py" line="55" />
        <source>Draft</source>
        <translation>Brouillon</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/choices.py" line="56" />
        <source>Confirmed</source>
        <translation>Confirmée</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/choices.py" line="57" />
        <source>Rejected</source>
        <translation>Rejetée</translation>
    </message>
</context>
<context>
    <name>CompassRose</name>
    <message>
        <location filename="../app/contrechamp/ui/form/compass.py" line="39" />
        <source>Click a point, or use the arrow keys. Shift adds another direction.</source>
        <translation>Cliquez un point, ou utilisez les flèches. Maj ajoute une autre direction.</translation>
    </message>
</context>
<context>
    <name>CoverageLegend</name>
    <message>
        <location filename="../app/contrechamp/core/coverage_classes.py" line="39" />
        <source>What the cameras see</source>
        <translation>Ce que voient les caméras</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/coverage_classes.py" line="32" />
        <source>Not filmed</source>
        <translation>Non filmée</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/coverage_classes.py" line="33" />
        <source>Filmed by 1 camera</source>
        <translation>Filmée par 1 caméra</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/coverage_classes.py" line="34" />
        <source>By 2 cameras</source>
        <translation>Par 2 caméras</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/coverage_classes.py" line="35" />
        <source>By 3 cameras or more</source>
        <translation>Par 3 caméras ou plus</translation>
    </message>
</context>
<context>
    <name>CoveragePanel</name>
    <message>
        <location filename="../app/contrechamp/ui/coverage_panel.py" line="71" />
        <source>Coverage</source>
        <translation>Couverture</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/coverage_panel.py" line="72" />
        <source>How much of the streets the cameras film</source>
        <translation>Quelle part des rues les caméras filment</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/coverage_panel.py" line="299" />
        <source>The whole area</source>
        <translation>Toute la zone</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/coverage_panel.py" line="301" />
        <source>Sector %1</source>
        <translation>Secteur %1</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/coverage_panel.py" line="337" />
        <source>%1% of %2 of street filmed</source>
        <translation>%1 % des %2 de rues filmés</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/coverage_panel.py" line="348" />
        <source>Open a survey to see what its cameras film.</source>
        <translation>Ouvrez un relevé pour voir ce que filment ses caméras.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/coverage_panel.py" line="350" />
        <source>Working out what the cameras film…</source>
        <translation>Calcul de ce que filment les caméras…</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/coverage_panel.py" line="353" />
        <source>Load the area's map (File → Load map area from OSM extract) to measure what is filmed.</source>
        <translation>Chargez la carte de la zone (Fichier → Charger la zone depuis un extrait OSM) pour mesurer ce qui est filmé.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/coverage_panel.py" line="360" />
        <source>By two cameras or more: %1.</source>
        <translation>Par deux caméras ou plus : %1.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/coverage_panel.py" line="363" />
        <source>Cameras on the street: %1, that is %2 per km of street, %3 per km of road.</source>
        <translation>Caméras sur la voie publique : %1, soit %2 par km de rue, %3 par km de route.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/coverage_panel.py" line="370" />
        <source>Up to %1% within reach of the cameras whose direction is not mapped (%2).</source>
        <translation>Jusqu’à %1 % à portée des caméras dont la direction n’est pas cartographiée (%2).</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/coverage_panel.py" line="419" />
        <source>Save the coverage report</source>
        <translation>Enregistrer le rapport de couverture</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/coverage_panel.py" line="419" />
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/coverage_panel.py" line="431" />
        <source>Coverage report saved: %1</source>
        <translation>Rapport de couverture enregistré : %1</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/coverage_panel.py" line="444" />
        <source>A route needs two points or more.</source>
        <translation>Un trajet demande au moins deux points.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/coverage_panel.py" line="455" />
        <source>Open a route</source>
        <translation>Ouvrir un trajet</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/coverage_panel.py" line="455" />
        <source>GPS tracks (*.gpx)</source>
        <translation>Traces GPS (*.gpx)</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/coverage_panel.py" line="504" />
        <source>%1 to %2</source>
        <translation>de %1 à %2</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/coverage_panel.py" line="521" />
        <source>Route of %1: no camera films it.</source>
        <translation>Trajet de %1 : aucune caméra ne le filme.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/coverage_panel.py" line="525" />
        <source>Route of %1: %2 filmed (%3%), seen by 1 camera.</source>
        <translation>Trajet de %1 : %2 filmés (%3 %), vu par 1 caméra.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/coverage_panel.py" line="527" />
        <source>Route of %1: %2 filmed (%3%), seen by %4 cameras.</source>
        <translation>Trajet de %1 : %2 filmés (%3 %), vu par %4 caméras.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/coverage_panel.py" line="552" />
        <source>The route is only shown here: it is never saved in the survey.</source>
        <translation>Le trajet n’est montré qu’ici : il n’est jamais enregistré dans le relevé.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/coverage_panel.py" line="556" />
        <source>Click the route's points on the map. Enter or a double-click ends it, Backspace takes the last point back, Esc cancels.</source>
        <translation>Cliquez les points du trajet sur la carte. Entrée ou un double-clic le termine, Retour arrière retire le dernier point, Échap annule.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/coverage_panel.py" line="565" />
        <source>Draw a route or open a GPX track to see which cameras film it and where (the thick red stretches on the map).</source>
        <translation>Tracez un trajet ou ouvrez une trace GPX pour voir quelles caméras le filment et où (les tronçons en rouge épais sur la carte).</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/coverage_panel.py" line="581" />
        <source>Show on the &amp;map</source>
        <translation>Afficher sur la &amp;carte</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/coverage_panel.py" line="582" />
        <source>Colour the streets by how many cameras film them</source>
        <translation>Colorer les rues selon le nombre de caméras qui les filment</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/coverage_panel.py" line="583" />
        <source>Most filmed streets</source>
        <translation>Rues les plus filmées</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/coverage_panel.py" line="584" />
        <source>Blind spots: the least filmed streets</source>
        <translation>Angles morts : les rues les moins filmées</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/coverage_panel.py" line="586" />
        <source>Street</source>
        <translation>Rue</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/coverage_panel.py" line="586" />
        <location filename="../app/contrechamp/ui/coverage_panel.py" line="601" />
        <source>Length</source>
        <translation>Longueur</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/coverage_panel.py" line="586" />
        <source>Filmed</source>
        <translation>Filmé</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/coverage_panel.py" line="587" />
        <source>&amp;Print report…</source>
        <translation>&amp;Imprimer le rapport…</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/coverage_panel.py" line="588" />
        <source>A one-page A4 report (PDF) to hand out</source>
        <translation>Un rapport d’une page A4 (PDF) à distribuer</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/coverage_panel.py" line="591" />
        <source>Fields of view as OSM's viewers draw them (35 m when the height is not mapped), cut where buildings block the view.</source>
        <translation>Champs de vision tels que les visualiseurs d’OSM les dessinent (35 m quand la hauteur n’est pas cartographiée), coupés là où les bâtiments masquent la vue.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/coverage_panel.py" line="595" />
        <source>Exposure along a route</source>
        <translation>Exposition le long d’un trajet</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/coverage_panel.py" line="596" />
        <source>Draw a &amp;route</source>
        <translation>Tracer un &amp;trajet</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/coverage_panel.py" line="597" />
        <source>Click the route's points on the map</source>
        <translation>Cliquez les points du trajet sur la carte</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/coverage_panel.py" line="598" />
        <source>Open a &amp;GPX…</source>
        <translation>Ouvrir un &amp;GPX…</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/coverage_panel.py" line="599" />
        <source>C&amp;lear route</source>
        <translation>&amp;Effacer le trajet</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/coverage_panel.py" line="601" />
        <source>Filmed from</source>
        <translation>Filmé de</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/coverage_panel.py" line="601" />
        <source>Cameras</source>
        <translation>Caméras</translation>
    </message>
</context>
<context>
    <name>CoverageReport</name>
    <message>
        <location filename="../app/contrechamp/ui/coverage_report.py" line="63" />
        <location filename="../app/contrechamp/ui/coverage_report.py" line="99" />
        <source>How much of the street is filmed</source>
        <translation>Quelle part de la rue est filmée</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/coverage_report.py" line="104" />
        <source>sector %1</source>
        <translation>secteur %1</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/coverage_report.py" line="105" />
        <source>the whole area</source>
        <translation>toute la zone</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/coverage_report.py" line="126" />
        <source>Most filmed streets</source>
        <translation>Rues les plus filmées</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/coverage_report.py" line="132" />
        <source>Blind spots: the least filmed streets</source>
        <translation>Angles morts : les rues les moins filmées</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/coverage_report.py" line="172" />
        <source>of %1 of street lie inside a camera's view.</source>
        <translation>des %1 de rues sont dans le champ d’une caméra.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/coverage_report.py" line="182" />
        <source>Cameras on the street: %1, that is %2 per km of street, %3 per km of road (street-view studies find 0.1 to 0.9 per km in large cities).</source>
        <translation>Caméras sur la voie publique : %1, soit %2 par km de rue, %3 par km de route (les études sur images de rue en trouvent de 0,1 à 0,9 par km dans les grandes villes).</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/coverage_report.py" line="190" />
        <source>Filmed by two cameras or more: %1.</source>
        <translation>Filmé par deux caméras ou plus : %1.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/coverage_report.py" line="196" />
        <source>Up to %1% within reach of the cameras whose direction is not mapped (%2).</source>
        <translation>Jusqu’à %1 % à portée des caméras dont la direction n’est pas cartographiée (%2).</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/coverage_report.py" line="207" />
        <source>How: each camera's field of view as OpenStreetMap's viewers draw it (a 70° wedge for a fixed camera, a circle for a dome, 7 m of reach per metre of height, 35 m when the height is not mapped), cut exactly where buildings block the line of sight; a street is filmed where it lies inside at least one such view. Cameras: those already in OpenStreetMap and those the survey logged. Map data © OpenStreetMap contributors (ODbL). Made with %1.</source>
        <translation>Méthode : le champ de vision de chaque caméra tel que les visualiseurs d’OpenStreetMap le dessinent (un secteur de 70° pour une caméra fixe, un cercle pour un dôme, 7 m de portée par mètre de hauteur, 35 m quand la hauteur n’est pas cartographiée), coupé exactement là où les bâtiments masquent la vue ; une rue est filmée là où elle se trouve dans au moins un de ces champs. Caméras : celles déjà dans OpenStreetMap et celles notées pendant le relevé. Données cartographiques © contributeurs d’OpenStreetMap (ODbL). Réalisé avec %1.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/coverage_report.py" line="289" />
        <source>No named street here.</source>
        <translation>Aucune rue nommée ici.</translation>
    </message>
</context>
<context>
    <name>DraftQueueModel</name>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/photos/review_model.py" line="92" />
        <source>Camera %1 · %n photo(s)</source>
        <translation>
            <numerusform>Caméra %1 · %n photo</numerusform>
            <numerusform>Caméra %1 · %n photos</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/photos/review_model.py" line="95" />
        <source>looks %1 (to check)</source>
        <translation>regarde vers %1 (à vérifier)</translation>
    </message>
</context>
<context>
    <name>DraftReviewQueue</name>
    <message>
        <location filename="../app/contrechamp/ui/photos/review_queue.py" line="105" />
        <source>Confirm (C)</source>
        <translation>Confirmer (C)</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/photos/review_queue.py" line="106" />
        <source>The camera is there and looks that way</source>
        <translation>La caméra est bien là et regarde dans cette direction</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/photos/review_queue.py" line="107" />
        <source>Reject (R)</source>
        <translation>Rejeter (R)</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/photos/review_queue.py" line="108" />
        <source>Not a camera, or not worth mapping</source>
        <translation>Pas une caméra, ou rien à cartographier</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/photos/review_queue.py" line="109" />
        <source>Split (S)</source>
        <translation>Séparer (S)</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/photos/review_queue.py" line="110" />
        <source>These photos show two different cameras</source>
        <translation>Ces photos montrent deux caméras différentes</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/photos/review_queue.py" line="111" />
        <source>Show on map (M)</source>
        <translation>Voir sur la carte (M)</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/photos/review_queue.py" line="112" />
        <source>Nothing left to review.</source>
        <translation>Plus rien à vérifier.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/photos/review_queue.py" line="142" />
        <source>Confirm camera</source>
        <translation>Confirmer la caméra</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/photos/review_queue.py" line="146" />
        <source>Reject camera</source>
        <translation>Rejeter la caméra</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/photos/review_queue.py" line="154" />
        <source>Split camera</source>
        <translation>Séparer la caméra</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/photos/review_queue.py" line="220" />
        <source>No direction: the photo had no compass heading. Set it on the form.</source>
        <translation>Pas de direction : la photo n’avait pas de cap de boussole. Indiquez-la dans le formulaire.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/photos/review_queue.py" line="221" />
        <source>Looks towards %1 (from the photo's compass: check it).</source>
        <translation>Regarde vers %1 (d’après la boussole de la photo : à vérifier).</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/photos/review_queue.py" line="227" />
        <source>Close-up</source>
        <translation>Gros plan</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/photos/review_queue.py" line="228" />
        <source>Wide</source>
        <translation>Plan large</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/photos/review_queue.py" line="229" />
        <source>Other</source>
        <translation>Autre</translation>
    </message>
</context>
<context>
    <name>ExistingCameraView</name>
    <message>
        <location filename="../app/contrechamp/ui/form/existing.py" line="54" />
        <source>Camera already in OpenStreetMap %1</source>
        <translation>Caméra déjà dans OpenStreetMap %1</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/existing.py" line="57" />
        <source>Seen it? Log it as confirmed: it stays linked to this OSM camera and is marked as checked today.</source>
        <translation>Vous l’avez vue ? Notez-la comme confirmée : elle reste liée à cette caméra OSM et est marquée vérifiée aujourd’hui.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/existing.py" line="61" />
        <source>Tag</source>
        <translation>Attribut</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/existing.py" line="61" />
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/existing.py" line="62" />
        <source>I saw this one (Enter)</source>
        <translation>Je l’ai vue (Entrée)</translation>
    </message>
</context>
<context>
    <name>ExportBlurring</name>
    <message>
        <location filename="../app/contrechamp/ui/export_blur.py" line="101" />
        <location filename="../app/contrechamp/ui/export_blur.py" line="115" />
        <source>Looking for faces…</source>
        <translation>Recherche des visages…</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/export_blur.py" line="102" />
        <location filename="../app/contrechamp/ui/export_blur.py" line="116" />
        <source>Cannot look for faces</source>
        <translation>Impossible de chercher les visages</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/export_blur.py" line="159" />
        <source>Saving the review…</source>
        <translation>Enregistrement de la vérification…</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/export_blur.py" line="160" />
        <source>Cannot save the review</source>
        <translation>Impossible d’enregistrer la vérification</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../app/contrechamp/ui/export_dialog.py" line="91" />
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/export_dialog.py" line="92" />
        <source>Only &amp;confirmed cameras</source>
        <translation>Seulement les caméras &amp;confirmées</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/export_dialog.py" line="93" />
        <source>B&amp;lur faces and plates</source>
        <translation>F&amp;louter visages et plaques</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/export_dialog.py" line="95" />
        <source>Faces found in the photos and the regions drawn on them are blurred in the copies; the survey keeps the originals</source>
        <translation>Les visages trouvés sur les photos et les zones tracées dessus sont floutés dans les copies ; le relevé garde les originaux</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/export_dialog.py" line="102" />
        <source>Blurring is off: faces and number plates in the photos will be recognisable.</source>
        <translation>Le floutage est désactivé : les visages et les plaques d'immatriculation des photos seront reconnaissables.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/export_dialog.py" line="109" />
        <source>&amp;Export</source>
        <translation>&amp;Exporter</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/export_dialog.py" line="172" />
        <location filename="../app/contrechamp/ui/export_dialog.py" line="275" />
        <source>Export cameras</source>
        <translation>Exporter les caméras</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/export_dialog.py" line="173" />
        <source>&amp;Format</source>
        <translation>&amp;Format</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/export_dialog.py" line="175" />
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/export_dialog.py" line="178" />
        <source>GeoJSON map file (.geojson)</source>
        <translation>Fichier carte GeoJSON (.geojson)</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/export_dialog.py" line="179" />
        <source>GeoPackage for QGIS and other GIS (.gpkg)</source>
        <translation>GeoPackage pour QGIS et autres SIG (.gpkg)</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/export_dialog.py" line="180" />
        <source>Spreadsheet (.csv)</source>
        <translation>Tableur (.csv)</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/export_dialog.py" line="182" />
        <source>Map to open in a web browser, offline (.html)</source>
        <translation>Carte à ouvrir dans un navigateur, hors ligne (.html)</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/export_dialog.py" line="183" />
        <source>JOSM file to review (.osm)</source>
        <translation>Fichier JOSM à relire (.osm)</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/export_dialog.py" line="184" />
        <source>OpenStreetMap change file (.osc)</source>
        <translation>Fichier de modifications OpenStreetMap (.osc)</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/export_dialog.py" line="199" />
        <source>Show the &amp;photos in the map</source>
        <translation>Montrer les p&amp;hotos sur la carte</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/export_dialog.py" line="200" />
        <source>Their previews go into the file, without metadata</source>
        <translation>Leurs aperçus vont dans le fichier, sans métadonnées</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/export_dialog.py" line="201" />
        <source>Keep photo &amp;metadata (location, device)</source>
        <translation>Garder les &amp;métadonnées des photos (lieu, appareil)</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/export_dialog.py" line="203" />
        <source>Off: the copies tell nothing about where, when or with what they were taken</source>
        <translation>Décoché : les copies ne disent ni où, ni quand, ni avec quoi elles ont été prises</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/export_dialog.py" line="255" />
        <source>Only CSV, GeoPackage and the HTML map have names</source>
        <translation>Seuls le CSV, le GeoPackage et la carte HTML contiennent des noms</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/export_dialog.py" line="181" />
        <source>Waypoints for a GPS or a phone (.gpx)</source>
        <translation>Points pour un GPS ou un téléphone (.gpx)</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/export_dialog.py" line="185" />
        <source>The cameras' photos in a zip file (.zip)</source>
        <translation>Les photos des caméras dans un fichier zip (.zip)</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/export_dialog.py" line="192" />
        <source>Cameras</source>
        <translation>Caméras</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/export_dialog.py" line="193" />
        <source>&amp;Drafts</source>
        <translation>&amp;Brouillons</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/export_dialog.py" line="194" />
        <source>C&amp;onfirmed</source>
        <translation>C&amp;onfirmées</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/export_dialog.py" line="195" />
        <source>&amp;Sector</source>
        <translation>&amp;Secteur</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/export_dialog.py" line="197" />
        <source>The whole area</source>
        <translation>Toute la zone</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/export_dialog.py" line="198" />
        <source>Include participants' &amp;names</source>
        <translation>Inclure les &amp;noms des participants</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/export_dialog.py" line="264" />
        <source>Change files carry confirmed cameras only</source>
        <translation>Les fichiers de modifications ne contiennent que les caméras confirmées</translation>
    </message>
</context>
<context>
    <name>FarFromAreaNotice</name>
    <message>
        <location filename="../app/contrechamp/ui/gps/far_notice.py" line="55" />
        <source>You are %1 km from the survey area</source>
        <translation>Vous êtes à %1 km de la zone du relevé</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/gps/far_notice.py" line="59" />
        <source>following paused</source>
        <translation>suivi en pause</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/gps/far_notice.py" line="61" />
        <source>Follow anyway</source>
        <translation>Suivre quand même</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/gps/far_notice.py" line="63" />
        <source>View → Go to the survey area (G) brings the map back.</source>
        <translation>Vue → Aller à la zone du relevé (G) y ramène la carte.</translation>
    </message>
</context>
<context>
    <name>FieldApp</name>
    <message>
        <location filename="../app/contrechamp/ui/app.py" line="111" />
        <source>Preparing the demo survey…</source>
        <translation>Préparation du relevé de démonstration…</translation>
    </message>
</context>
<context>
    <name>FieldHints</name>
    <message>
        <location filename="../app/contrechamp/ui/form/hints.py" line="20" />
        <source>90, NE or 90-270</source>
        <translation>90, NE ou 90-270</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/hints.py" line="21" />
        <source>Where the camera looks: degrees (90), a compass point (NE), a range (90-270) or several directions (90;270)</source>
        <translation>Où regarde la caméra : en degrés (90), un point cardinal (NE), un secteur (90-270) ou plusieurs directions (90;270)</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/hints.py" line="28" />
        <source>e.g. 4</source>
        <translation>par ex. 4</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/hints.py" line="29" />
        <source>Metres above the ground</source>
        <translation>Mètres au-dessus du sol</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/hints.py" line="32" />
        <source>e.g. 15</source>
        <translation>par ex. 15</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/hints.py" line="33" />
        <source>Degrees below the horizon: 0 looks straight ahead, 90 straight down</source>
        <translation>Degrés sous l’horizon : 0 regarde droit devant, 90 droit vers le sol</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/hints.py" line="38" />
        <source>who owns the images</source>
        <translation>à qui appartiennent les images</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/hints.py" line="39" />
        <source>The company, shop or public body the camera belongs to</source>
        <translation>L’entreprise, le commerce ou l’organisme public à qui appartient la caméra</translation>
    </message>
</context>
<context>
    <name>FieldSheets</name>
    <message>
        <location filename="../app/contrechamp/ui/sheets/map_page.py" line="32" />
        <source>Map %1 of %2 · scale %3</source>
        <translation>Carte %1 sur %2 · échelle %3</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/sheets/map_page.py" line="74" />
        <source>Grey: outside the sector. Numbered rings: cameras in OSM.</source>
        <translation>En grisé : hors du secteur. Cercles numérotés : caméras dans OSM.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/sheets/map_page.py" line="75" />
        <source>Numbered rings: cameras already in OSM (see the list).</source>
        <translation>Cercles numérotés : caméras déjà dans OSM (voir la liste).</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/sheets/map_page.py" line="113" />
        <source>%1 map %2</source>
        <translation>%1 carte %2</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/sheets/map_page.py" line="141" />
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/sheets/map_page.py" line="182" />
        <source>New camera: draw a dot and an arrow where it films, write the number of its entry line.</source>
        <translation>Nouvelle caméra : dessinez un point et une flèche vers où elle filme, notez le numéro de sa ligne.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/sheets/paper.py" line="68" />
        <source>%1 — sector %2</source>
        <translation>%1 — secteur %2</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/sheets/paper.py" line="76" />
        <source>Pair: %1</source>
        <translation>Binôme : %1</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/sheets/paper.py" line="77" />
        <source>Date: %1</source>
        <translation>Date : %1</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/sheets/paper.py" line="81" />
        <source>Page %1 / %2</source>
        <translation>Page %1 / %2</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/sheets/paper.py" line="98" />
        <source>Map data © OpenStreetMap contributors (ODbL)</source>
        <translation>Données cartographiques © contributeurs OpenStreetMap (ODbL)</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/sheets/document.py" line="95" />
        <source>Field sheets: %1</source>
        <translation>Fiches de terrain : %1</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/sheets/document.py" line="96" />
        <source>Field sheets: %1, sector %2</source>
        <translation>Fiches de terrain : %1, secteur %2</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/sheets/print_dialog.py" line="32" />
        <source>Print field sheets</source>
        <translation>Imprimer les fiches de terrain</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/sheets/print_dialog.py" line="50" />
        <source>%1 pages written to %2.</source>
        <translation>%1 pages écrites dans %2.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/sheets/print_dialog.py" line="79" />
        <source>The whole area</source>
        <translation>Toute la zone</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/sheets/print_dialog.py" line="84" />
        <source>Sector to print:</source>
        <translation>Secteur à imprimer :</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/sheets/print_dialog.py" line="98" />
        <source>Save the field sheets</source>
        <translation>Enregistrer les fiches de terrain</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/sheets/print_dialog.py" line="100" />
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/sheets/tables.py" line="32" />
        <location filename="../app/contrechamp/ui/sheets/tables.py" line="45" />
        <source>No.</source>
        <translation>N°</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/sheets/tables.py" line="33" />
        <location filename="../app/contrechamp/ui/sheets/tables.py" line="46" />
        <location filename="../app/contrechamp/ui/sheets/tables.py" line="134" />
        <source>Kind</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/sheets/tables.py" line="34" />
        <location filename="../app/contrechamp/ui/sheets/tables.py" line="47" />
        <location filename="../app/contrechamp/ui/sheets/tables.py" line="135" />
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/sheets/tables.py" line="35" />
        <location filename="../app/contrechamp/ui/sheets/tables.py" line="48" />
        <location filename="../app/contrechamp/ui/sheets/tables.py" line="136" />
        <source>Mount</source>
        <translation>Fixation</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/sheets/tables.py" line="36" />
        <location filename="../app/contrechamp/ui/sheets/tables.py" line="49" />
        <location filename="../app/contrechamp/ui/sheets/tables.py" line="138" />
        <source>Direction</source>
        <translation>Direction</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/sheets/tables.py" line="37" />
        <source>Seen</source>
        <translation>Vue</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/sheets/tables.py" line="38" />
        <source>Gone</source>
        <translation>Disparue</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/sheets/tables.py" line="39" />
        <location filename="../app/contrechamp/ui/sheets/tables.py" line="51" />
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/sheets/tables.py" line="50" />
        <source>Height (m)</source>
        <translation>Hauteur (m)</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/sheets/tables.py" line="60" />
        <source>Cameras already in OSM (%1 of %2)</source>
        <translation>Caméras déjà dans OSM (%1 sur %2)</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/sheets/tables.py" line="66" />
        <source>Tick Seen when you find it, Gone when it is not there; correct a value in Notes.</source>
        <translation>Cochez Vue si vous la trouvez, Disparue si elle n’y est plus ; corrigez une valeur dans Notes.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/sheets/tables.py" line="86" />
        <source>Numbers as on the maps.</source>
        <translation>Numéros comme sur les cartes.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/sheets/tables.py" line="92" />
        <source>New cameras (%1 of %2)</source>
        <translation>Nouvelles caméras (%1 sur %2)</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/sheets/tables.py" line="99" />
        <source>Write each number beside its camera on the map.</source>
        <translation>Notez chaque numéro à côté de sa caméra sur la carte.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/sheets/tables.py" line="139" />
        <source>where it films: N, NE, E, SE, S, SW, W, NW, or degrees</source>
        <translation>vers où elle filme : N, NE, E, SE, S, SW, W, NW (lettres d’OSM) ou en degrés</translation>
    </message>
</context>
<context>
    <name>FileCommands</name>
    <message>
        <location filename="../app/contrechamp/ui/file_commands.py" line="72" />
        <source>Load map area from OSM extract</source>
        <translation>Charger la zone depuis un extrait OSM</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/file_commands.py" line="74" />
        <source>OpenStreetMap extracts</source>
        <translation>Extraits OpenStreetMap</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/file_commands.py" line="86" />
        <source>Reading the map…</source>
        <translation>Lecture de la carte…</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/file_commands.py" line="87" />
        <source>Cannot load this map</source>
        <translation>Impossible de charger cette carte</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/file_commands.py" line="93" />
        <source>Map loaded: %n camera(s) already in OpenStreetMap.</source>
        <translation>
            <numerusform>Carte chargée : %n caméra déjà dans OpenStreetMap.</numerusform>
            <numerusform>Carte chargée : %n caméras déjà dans OpenStreetMap.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/file_commands.py" line="103" />
        <location filename="../app/contrechamp/ui/file_commands.py" line="125" />
        <source>Import cameras</source>
        <translation>Import de caméras</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/file_commands.py" line="105" />
        <source>Surveys, GeoJSON, OSM and CSV files</source>
        <translation>Relevés, fichiers GeoJSON, OSM et CSV</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/file_commands.py" line="118" />
        <source>Importing cameras…</source>
        <translation>Import des caméras…</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/file_commands.py" line="119" />
        <source>Cannot import these cameras</source>
        <translation>Impossible d’importer ces caméras</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/file_commands.py" line="128" />
        <source>Imported %n camera(s).</source>
        <translation>
            <numerusform>%n caméra importée.</numerusform>
            <numerusform>%n caméras importées.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/file_commands.py" line="130" />
        <source>%n already in the survey.</source>
        <translation>
            <numerusform>%n déjà dans le relevé.</numerusform>
            <numerusform>%n déjà dans le relevé.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/file_commands.py" line="133" />
        <source>%n linked to OSM without a known version: the upload reads it first.</source>
        <translation>
            <numerusform>%n liée à OSM sans version connue : l’envoi la lira d’abord.</numerusform>
            <numerusform>%n liées à OSM sans version connue : l’envoi les lira d’abord.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/file_commands.py" line="189" />
        <source>Wrote %n camera(s) to %1.</source>
        <translation>
            <numerusform>%n caméra écrite dans %1.</numerusform>
            <numerusform>%n caméras écrites dans %1.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/file_commands.py" line="175" />
        <source>Exporting…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/file_commands.py" line="176" />
        <source>Cannot export</source>
        <translation>Export impossible</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/file_commands.py" line="255" />
        <source>Exporting photos…</source>
        <translation>Export des photos…</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/file_commands.py" line="256" />
        <source>Cannot export the photos</source>
        <translation>Impossible d’exporter les photos</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/file_commands.py" line="187" />
        <location filename="../app/contrechamp/ui/file_commands.py" line="262" />
        <source>Wrote %n photo(s) to %1.</source>
        <translation>
            <numerusform>%n photo écrite dans %1.</numerusform>
            <numerusform>%n photos écrites dans %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/file_commands.py" line="193" />
        <location filename="../app/contrechamp/ui/file_commands.py" line="264" />
        <source>%n photo(s) could not be written.</source>
        <translation>
            <numerusform>%n photo non écrite.</numerusform>
            <numerusform>%n photos non écrites.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/file_commands.py" line="198" />
        <source>%n camera(s) linked to OSM without a known version left out.</source>
        <translation>
            <numerusform>%n caméra liée à OSM sans version connue laissée de côté.</numerusform>
            <numerusform>%n caméras liées à OSM sans version connue laissées de côté.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/file_commands.py" line="206" />
        <source>%n camera(s) linked to OSM left out: load the area to know their original.</source>
        <translation>
            <numerusform>%n caméra liée à OSM laissée de côté : chargez la zone pour connaître son original.</numerusform>
            <numerusform>%n caméras liées à OSM laissées de côté : chargez la zone pour connaître leur original.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/file_commands.py" line="214" />
        <location filename="../app/contrechamp/ui/file_commands.py" line="266" />
        <source>Photos not blurred.</source>
        <translation>Photos non floutées.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/file_commands.py" line="276" />
        <source>Making photo previews…</source>
        <translation>Préparation des aperçus des photos…</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/file_commands.py" line="277" />
        <source>Cannot make the photo previews</source>
        <translation>Impossible de préparer les aperçus des photos</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/file_commands.py" line="287" />
        <source>Copying photos into the survey…</source>
        <translation>Copie des photos dans le relevé…</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/file_commands.py" line="288" />
        <source>Cannot copy the photos into the survey</source>
        <translation>Impossible de copier les photos dans le relevé</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/file_commands.py" line="299" />
        <source>%n photo(s) not copied: the original file is missing or changed.</source>
        <translation>
            <numerusform>%n photo non copiée : le fichier d’origine manque ou a changé.</numerusform>
            <numerusform>%n photos non copiées : le fichier d’origine manque ou a changé.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FinishingCopyDialog</name>
    <message>
        <location filename="../app/contrechamp/ui/photos/closing_copy.py" line="44" />
        <source>Closing Contrechamp</source>
        <translation>Fermeture de Contrechamp</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/photos/closing_copy.py" line="47" />
        <source>Stopping now is safe: the other photos are copied the next time you open this survey.</source>
        <translation>Arrêter maintenant est sans risque : les autres photos seront copiées à la prochaine ouverture de ce relevé.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/photos/closing_copy.py" line="51" />
        <source>&amp;Stop the copy now</source>
        <translation>&amp;Arrêter la copie maintenant</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/photos/closing_copy.py" line="69" />
        <source>Finishing copying photos into the survey…</source>
        <translation>Fin de la copie des photos dans le relevé…</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/photos/closing_copy.py" line="71" />
        <source>Finishing copying photos into the survey… %1 of %2</source>
        <translation>Fin de la copie des photos dans le relevé… %1 sur %2</translation>
    </message>
</context>
<context>
    <name>Glossary</name>
    <message>
        <location filename="../app/contrechamp/ui/glossary/entries.py" line="34" />
        <source>Box camera</source>
        <translation>Caméra boîtier</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/glossary/entries.py" line="36" />
        <source>A long body under a sun hood, on a bracket. It films one way: note where it points.</source>
        <translation>Un corps allongé sous une visière, sur un support. Elle filme dans une direction : notez laquelle.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/glossary/entries.py" line="46" />
        <source>Dome camera</source>
        <translation>Caméra dôme</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/glossary/entries.py" line="48" />
        <source>A half-ball of dark glass under a ceiling or on a wall. You cannot see where it looks.</source>
        <translation>Une demi-boule de verre sombre sous un plafond ou sur un mur. On ne voit pas où elle regarde.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/glossary/entries.py" line="58" />
        <source>Panning camera (PTZ)</source>
        <translation>Caméra orientable (PTZ)</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/glossary/entries.py" line="60" />
        <source>A ball under a cap, high on a pole or a building: it turns and zooms. Common at crossings and squares.</source>
        <translation>Une boule sous un chapeau, en haut d’un poteau ou d’un bâtiment : elle tourne et zoome. Fréquente aux carrefours et sur les places.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/glossary/entries.py" line="70" />
        <source>Licence-plate reader (ALPR)</source>
        <translation>Lecteur de plaques (LAPI)</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/glossary/entries.py" line="72" />
        <source>A flat dark box aimed at a traffic lane, often with a panel of infrared lights beside the lens; on a pole, a gantry or a bridge. Easy to miss: look up at entries to car parks and main roads.</source>
        <translation>Un boîtier plat et sombre pointé vers une voie, souvent avec un panneau de diodes infrarouges à côté de l’objectif ; sur un poteau, un portique ou un pont. Facile à rater : levez les yeux aux entrées de parkings et sur les grands axes.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/glossary/entries.py" line="88" />
        <source>Camera on a traffic light</source>
        <translation>Caméra sur un feu tricolore</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/glossary/entries.py" line="90" />
        <source>A small box or dome on top of or beside the signal heads. It watches the crossing.</source>
        <translation>Un petit boîtier ou dôme au-dessus ou à côté des feux. Il surveille le carrefour.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/glossary/entries.py" line="106" />
        <source>Intercom camera</source>
        <translation>Caméra d’interphone</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/glossary/entries.py" line="108" />
        <source>A small lens above the buttons of a door entry panel. It films whoever rings, and often the pavement.</source>
        <translation>Un petit objectif au-dessus des boutons d’un interphone. Il filme qui sonne, et souvent le trottoir.</translation>
    </message>
</context>
<context>
    <name>GlossaryDialog</name>
    <message>
        <location filename="../app/contrechamp/ui/glossary/dialog.py" line="97" />
        <source>Glossary: which camera is it?</source>
        <translation>Glossaire : quelle caméra est-ce ?</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/glossary/dialog.py" line="101" />
        <source>Use these values</source>
        <translation>Utiliser ces valeurs</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/glossary/dialog.py" line="126" />
        <source>In OpenStreetMap:</source>
        <translation>Dans OpenStreetMap :</translation>
    </message>
</context>
<context>
    <name>GpsSourceForm</name>
    <message>
        <location filename="../app/contrechamp/ui/gps/source_form.py" line="75" />
        <source>No GPS</source>
        <extracomment>IANA port for NMEA 0183 over TCP; many phone apps let you choose it.</extracomment>
        <translation>Pas de GPS</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/gps/source_form.py" line="76" />
        <source>This computer's location service</source>
        <translation>Service de localisation de cet ordinateur</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/gps/source_form.py" line="77" />
        <source>GPS receiver (USB or serial)</source>
        <translation>Récepteur GPS (USB ou série)</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/gps/source_form.py" line="78" />
        <source>Phone sharing its GPS over the network (NMEA/TCP)</source>
        <translation>Téléphone qui partage son GPS sur le réseau (NMEA/TCP)</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/gps/source_form.py" line="79" />
        <source>Recorded NMEA log (replay)</source>
        <translation>Journal NMEA enregistré (relecture)</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/gps/source_form.py" line="83" />
        <source>The location service may ask the internet where you are.</source>
        <translation>Le service de localisation peut demander à Internet où vous êtes.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/gps/source_form.py" line="84" />
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/gps/source_form.py" line="84" />
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/gps/source_form.py" line="84" />
        <source>Speed</source>
        <translation>Vitesse</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/gps/source_form.py" line="84" />
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/gps/source_form.py" line="85" />
        <source>Network port</source>
        <translation>Port réseau</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/gps/source_form.py" line="85" />
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/gps/source_form.py" line="88" />
        <source>e.g. 192.168.1.20</source>
        <translation>par ex. 192.168.1.20</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/gps/source_form.py" line="89" />
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/gps/source_form.py" line="90" />
        <source>Keep my track in the survey</source>
        <translation>Garder mon trajet dans le relevé</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/gps/source_form.py" line="91" />
        <source>Off: your walk is not recorded.</source>
        <translation>Désactivé : votre parcours n'est pas enregistré.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/gps/source_form.py" line="141" />
        <source>Recorded NMEA log</source>
        <translation>Journal NMEA enregistré</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/gps/source_form.py" line="142" />
        <source>NMEA logs (*.nmea *.txt *.log);;All files (*)</source>
        <translation>Journaux NMEA (*.nmea *.txt *.log);;Tous les fichiers (*)</translation>
    </message>
</context>
<context>
    <name>GpsStatusLabel</name>
    <message>
        <location filename="../app/contrechamp/ui/gps/status_label.py" line="27" />
        <source>The receiver has lost the satellites. Move into the open.</source>
        <extracomment>Dot colours: grey off, amber searching/lost, green fix, red error.</extracomment>
        <translation>Le récepteur a perdu les satellites. Mettez-vous à découvert.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/gps/status_label.py" line="30" />
        <source>Nothing has come from the receiver for a while. Is it on?</source>
        <translation>Le récepteur n'envoie plus rien depuis un moment. Est-il allumé ?</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/gps/status_label.py" line="33" />
        <source>The receiver sends unreadable data. Check its speed in the settings.</source>
        <translation>Le récepteur envoie des données illisibles. Vérifiez sa vitesse dans les réglages.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/gps/status_label.py" line="36" />
        <source>The GPS port was not found. Is the receiver plugged in?</source>
        <translation>Le port du GPS est introuvable. Le récepteur est-il branché ?</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/gps/status_label.py" line="39" />
        <source>You may not open the GPS port. On Linux, join the dialout group.</source>
        <translation>Vous n'avez pas le droit d'ouvrir le port du GPS. Sous Linux, rejoignez le groupe dialout.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/gps/status_label.py" line="42" />
        <source>Another program is using the GPS port.</source>
        <translation>Un autre programme utilise le port du GPS.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/gps/status_label.py" line="45" />
        <source>The receiver was unplugged.</source>
        <translation>Le récepteur a été débranché.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/gps/status_label.py" line="48" />
        <source>The GPS port could not be opened.</source>
        <translation>Impossible d'ouvrir le port du GPS.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/gps/status_label.py" line="51" />
        <source>The phone or computer refused the connection. Is sharing on?</source>
        <translation>Le téléphone ou l'ordinateur a refusé la connexion. Le partage est-il activé ?</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/gps/status_label.py" line="54" />
        <source>The GPS address was not found.</source>
        <translation>L'adresse du GPS est introuvable.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/gps/status_label.py" line="57" />
        <source>The GPS address does not answer.</source>
        <translation>L'adresse du GPS ne répond pas.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/gps/status_label.py" line="60" />
        <source>The network is not available.</source>
        <translation>Le réseau n'est pas disponible.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/gps/status_label.py" line="63" />
        <source>The connection to the GPS failed.</source>
        <translation>La connexion au GPS a échoué.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/gps/status_label.py" line="66" />
        <source>The GPS connection was closed.</source>
        <translation>La connexion au GPS a été fermée.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/gps/status_label.py" line="69" />
        <source>The recorded GPS log has ended.</source>
        <translation>Le journal GPS enregistré est terminé.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/gps/status_label.py" line="72" />
        <source>The recorded GPS log was not found.</source>
        <translation>Le journal GPS enregistré est introuvable.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/gps/status_label.py" line="75" />
        <source>The recorded GPS log cannot be read.</source>
        <translation>Le journal GPS enregistré est illisible.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/gps/status_label.py" line="78" />
        <source>This computer has no location service.</source>
        <translation>Cet ordinateur n'a pas de service de localisation.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/gps/status_label.py" line="81" />
        <source>This computer does not let Contrechamp use its location.</source>
        <translation>Cet ordinateur n'autorise pas Contrechamp à utiliser sa position.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/gps/status_label.py" line="84" />
        <source>The location service stopped.</source>
        <translation>Le service de localisation s'est arrêté.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/gps/status_label.py" line="87" />
        <source>The location service failed.</source>
        <translation>Le service de localisation a échoué.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/gps/status_label.py" line="91" />
        <source>The GPS does not work.</source>
        <translation>Le GPS ne fonctionne pas.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/gps/status_label.py" line="139" />
        <source>GPS</source>
        <translation>GPS</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/gps/status_label.py" line="140" />
        <source>GPS ±%1 m</source>
        <translation>GPS ±%1 m</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/gps/status_label.py" line="142" />
        <source>Searching…</source>
        <translation>Recherche…</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/gps/status_label.py" line="144" />
        <source>GPS lost</source>
        <translation>GPS perdu</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/gps/status_label.py" line="147" />
        <source>No GPS</source>
        <translation>Pas de GPS</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/gps/status_label.py" line="157" />
        <source>GPS connection failed</source>
        <translation>Connexion au GPS impossible</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/gps/status_label.py" line="159" />
        <source>GPS log not found</source>
        <translation>Journal GPS introuvable</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/gps/status_label.py" line="161" />
        <source>GPS log unreadable</source>
        <translation>Journal GPS illisible</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/gps/status_label.py" line="163" />
        <source>No position in the GPS log</source>
        <translation>Aucune position dans le journal GPS</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/gps/status_label.py" line="165" />
        <source>No location service</source>
        <translation>Pas de service de localisation</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/gps/status_label.py" line="166" />
        <source>GPS receiver not responding</source>
        <translation>Le récepteur GPS ne répond pas</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/gps/status_label.py" line="175" />
        <source>Satellites: %1</source>
        <translation>Satellites : %1</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/gps/status_label.py" line="177" />
        <source>%1 km/h</source>
        <translation>%1 km/h</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/gps/status_label.py" line="182" />
        <source>Corrected fix (DGPS)</source>
        <translation>Position corrigée (DGPS)</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/gps/status_label.py" line="183" />
        <source>Precise fix (RTK)</source>
        <translation>Position précise (RTK)</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/gps/status_label.py" line="184" />
        <source>Precise fix (RTK float)</source>
        <translation>Position précise (RTK flottant)</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/gps/status_label.py" line="185" />
        <source>Estimated position</source>
        <translation>Position estimée</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/gps/status_label.py" line="186" />
        <source>Position typed in the receiver</source>
        <translation>Position saisie dans le récepteur</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/gps/status_label.py" line="187" />
        <source>Simulated position</source>
        <translation>Position simulée</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/gps/status_label.py" line="189" />
        <source>Satellite fix</source>
        <translation>Position satellite</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/main_window.py" line="357" />
        <source>%Ln camera(s)</source>
        <translation>
            <numerusform>%Ln caméra</numerusform>
            <numerusform>%Ln caméras</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/main_window.py" line="400" />
        <source>Opening %1…</source>
        <translation>Ouverture de %1…</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/main_window.py" line="418" />
        <source>Cannot open the survey</source>
        <translation>Impossible d’ouvrir le relevé</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/main_window.py" line="520" />
        <source>Cannot create the survey</source>
        <translation>Impossible de créer le relevé</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/main_window.py" line="644" />
        <source>Saved. Press N for the next camera.</source>
        <translation>Enregistré. Appuyez sur N pour la caméra suivante.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/main_window.py" line="698" />
        <source>Use glossary values</source>
        <translation>Valeurs du glossaire</translation>
    </message>
</context>
<context>
    <name>MapLegend</name>
    <message>
        <location filename="../app/contrechamp/ui/map/legend.py" line="56" />
        <source>Base map</source>
        <translation>Fond de carte</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/map/legend.py" line="57" />
        <source>Cameras already in OpenStreetMap</source>
        <translation>Caméras déjà dans OpenStreetMap</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/map/legend.py" line="58" />
        <source>Draft cameras</source>
        <translation>Caméras à vérifier</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/map/legend.py" line="59" />
        <source>Confirmed cameras</source>
        <translation>Caméras confirmées</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/map/legend.py" line="60" />
        <source>Rejected cameras</source>
        <translation>Caméras rejetées</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/map/legend.py" line="61" />
        <source>What cameras film</source>
        <translation>Ce que filment les caméras</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/map/legend.py" line="62" />
        <source>My position</source>
        <translation>Ma position</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/map/legend.py" line="63" />
        <source>My track</source>
        <translation>Mon trajet</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/map/legend.py" line="64" />
        <source>Sectors</source>
        <translation>Secteurs</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/map/legend.py" line="65" />
        <source>Walked streets</source>
        <translation>Rues parcourues</translation>
    </message>
</context>
<context>
    <name>MergeCommands</name>
    <message>
        <location filename="../app/contrechamp/ui/merge_commands.py" line="84" />
        <source>Surveys to merge</source>
        <translation>Relevés à fusionner</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/merge_commands.py" line="86" />
        <location filename="../app/contrechamp/ui/merge_commands.py" line="105" />
        <source>Survey files</source>
        <translation>Fichiers de relevé</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/merge_commands.py" line="100" />
        <source>merged</source>
        <translation>fusion</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/merge_commands.py" line="103" />
        <source>Merged survey (new, or one to add to)</source>
        <translation>Relevé fusionné (nouveau, ou à compléter)</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/merge_commands.py" line="129" />
        <source>Merging %n survey(s)…</source>
        <translation>
            <numerusform>Fusion de %n relevé…</numerusform>
            <numerusform>Fusion de %n relevés…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/merge_commands.py" line="149" />
        <source>Merge surveys</source>
        <translation>Fusion de relevés</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/merge_commands.py" line="157" />
        <source>Cannot merge these surveys</source>
        <translation>Impossible de fusionner ces relevés</translation>
    </message>
</context>
<context>
    <name>MergeReviewPanel</name>
    <message>
        <location filename="../app/contrechamp/ui/merge_review_panel.py" line="44" />
        <source>Merge</source>
        <translation>Fusion</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/merge_review_panel.py" line="45" />
        <source>The merged cameras to review: double sightings, values that disagree, cameras maybe already in OpenStreetMap</source>
        <translation>Les caméras fusionnées à vérifier : vues en double, valeurs en désaccord, caméras peut-être déjà dans OpenStreetMap</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/merge_review_panel.py" line="107" />
        <source>C accept · 1–9 pick a value · S split the chosen sighting off · J join the nearest other camera · M show close up · Ctrl+Z undo</source>
        <translation>C accepter · 1–9 choisir une valeur · S séparer l’observation choisie · J réunir avec la caméra la plus proche · M voir de près · Ctrl+Z annuler</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/merge_review_panel.py" line="172" />
        <source>Values disagree: %1</source>
        <translation>Valeurs en désaccord : %1</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/merge_review_panel.py" line="175" />
        <source>Maybe already in OpenStreetMap (node %1, %2 m)</source>
        <translation>Peut-être déjà dans OpenStreetMap (nœud %1, %2 m)</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/merge_review_panel.py" line="177" />
        <source>Seen by %n pair(s): one camera?</source>
        <translation>
            <numerusform>Vue par %n binôme : une seule caméra ?</numerusform>
            <numerusform>Vue par %n binômes : une seule caméra ?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/merge_review_panel.py" line="181" />
        <source>Merge surveys (File menu) to review them here.</source>
        <translation>Fusionnez des relevés (menu Fichier) pour les vérifier ici.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/merge_review_panel.py" line="183" />
        <source>Nothing left to review.</source>
        <translation>Plus rien à vérifier.</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/merge_review_panel.py" line="185" />
        <source>%n merged camera(s) to review</source>
        <translation>
            <numerusform>%n caméra fusionnée à vérifier</numerusform>
            <numerusform>%n caméras fusionnées à vérifier</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/merge_review_panel.py" line="218" />
        <source>unnamed pair</source>
        <translation>binôme sans nom</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/merge_review_panel.py" line="224" />
        <source>%1 at %2 · %3 m away · %4, %5</source>
        <translation>%1 à %2 · à %3 m · %4, %5</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/merge_review_panel.py" line="236" />
        <source>%1: %2 (%n sighting(s))</source>
        <translation>
            <numerusform>%1 : %2 (%n observation)</numerusform>
            <numerusform>%1 : %2 (%n observations)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/merge_review_panel.py" line="255" />
        <source>Accept</source>
        <translation>Accepter</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/merge_review_panel.py" line="264" />
        <source>Pick %1 for %2</source>
        <translation>Choisir %1 pour %2</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/merge_review_panel.py" line="275" />
        <source>Choose one of several sightings to split it off.</source>
        <translation>Choisissez l’une de plusieurs observations pour la séparer.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/merge_review_panel.py" line="283" />
        <source>Split a sighting off</source>
        <translation>Séparer une observation</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/merge_review_panel.py" line="295" />
        <source>No other camera within %1 m to join.</source>
        <translation>Aucune autre caméra à moins de %1 m à réunir.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/merge_review_panel.py" line="299" />
        <source>Join</source>
        <translation>Réunir</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/merge_review_panel.py" line="314" />
        <source>%1 — Ctrl+Z undoes it.</source>
        <translation>%1 — Ctrl+Z l’annule.</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../app/contrechamp/ui/app.py" line="173" />
        <location filename="../app/contrechamp/ui/messages.py" line="125" />
        <source>Something went wrong. Your saved cameras are safe.</source>
        <translation>Un problème est survenu. Vos caméras enregistrées sont en sécurité.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/messages.py" line="25" />
        <source>Kind</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/messages.py" line="26" />
        <source>Area filmed</source>
        <translation>Espace filmé</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/messages.py" line="27" />
        <source>Camera type</source>
        <translation>Type de caméra</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/messages.py" line="28" />
        <source>Mount</source>
        <translation>Fixation</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/messages.py" line="29" />
        <location filename="../app/contrechamp/ui/messages.py" line="30" />
        <location filename="../app/contrechamp/ui/messages.py" line="31" />
        <source>Direction</source>
        <translation>Direction</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/messages.py" line="32" />
        <source>Height</source>
        <translation>Hauteur</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/messages.py" line="33" />
        <source>Tilt</source>
        <translation>Inclinaison</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/messages.py" line="34" />
        <source>Zone</source>
        <translation>Zone</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/messages.py" line="35" />
        <source>Operator</source>
        <translation>Opérateur</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/messages.py" line="36" />
        <source>Object</source>
        <translation>Objet</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/messages.py" line="43" />
        <source>Not tagged as a surveillance object (man_made=surveillance).</source>
        <translation>Pas indiqué comme objet de surveillance (man_made=surveillance).</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/messages.py" line="46" />
        <source>Say what it films: public space, outdoor or indoor.</source>
        <translation>Dites ce qu’elle filme : espace public, extérieur privé ou intérieur.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/messages.py" line="49" />
        <source>Zone “area” is discouraged: pick a more precise zone.</source>
        <translation>La zone « area » est déconseillée : choisissez une zone plus précise.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/messages.py" line="52" />
        <source>Zone “{value}” is unclear: pick town, traffic, shop…</source>
        <translation>La zone « {value} » est floue : choisissez ville, circulation, commerce…</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/messages.py" line="55" />
        <source>Direction is under an old key: it will be saved as camera:direction.</source>
        <translation>La direction est sous une ancienne clé : elle sera enregistrée en camera:direction.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/messages.py" line="66" />
        <source>{field}: “{value}” is written oddly; should be “{suggestion}”.</source>
        <translation>{field} : « {value} » est mal écrit ; plutôt « {suggestion} ».</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/messages.py" line="69" />
        <source>{field}: “{value}” is an old spelling of “{suggestion}”.</source>
        <translation>{field} : « {value} » est une ancienne écriture de « {suggestion} ».</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/messages.py" line="70" />
        <source>{field}: “{value}” holds several values; keep one.</source>
        <translation>{field} : « {value} » contient plusieurs valeurs ; gardez-en une.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/messages.py" line="71" />
        <source>{field}: “{value}” is not a usual value; check it.</source>
        <translation>{field} : « {value} » n’est pas une valeur habituelle ; à vérifier.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/messages.py" line="72" />
        <source>{field}: “{value}” cannot be understood; check it.</source>
        <translation>{field} : « {value} » est incompréhensible ; à vérifier.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/messages.py" line="73" />
        <source>{field}: “{value}” is out of range; check it.</source>
        <translation>{field} : « {value} » est hors limites ; à vérifier.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/messages.py" line="75" />
        <source>{field}: “{value}” needs checking.</source>
        <translation>{field} : « {value} » est à vérifier.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="61" />
        <source>This survey was made with a newer Contrechamp. Update the app to open it.</source>
        <translation>Ce relevé vient d’une version plus récente de Contrechamp. Mettez l’application à jour pour l’ouvrir.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="64" />
        <source>The survey file is in use by another program. Try again.</source>
        <translation>Le fichier du relevé est utilisé par un autre programme. Réessayez.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="67" />
        <source>This file is damaged or is not a survey.</source>
        <translation>Ce fichier est abîmé ou n’est pas un relevé.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="68" />
        <source>This survey file holds unexpected content and was not opened.</source>
        <translation>Ce fichier de relevé contient des éléments inattendus : il n’a pas été ouvert.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="71" />
        <source>The disk is full: the last change was not saved.</source>
        <translation>Le disque est plein : la dernière modification n’a pas été enregistrée.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="74" />
        <source>The survey file cannot be found.</source>
        <translation>Le fichier du relevé est introuvable.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="75" />
        <source>A file with this name already exists.</source>
        <translation>Un fichier de ce nom existe déjà.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="76" />
        <source>The survey file is read-only: changes cannot be saved.</source>
        <translation>Le fichier du relevé est en lecture seule : les modifications ne peuvent pas être enregistrées.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="79" />
        <source>The survey file could not be read or written.</source>
        <translation>Le fichier du relevé n’a pas pu être lu ou écrit.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="43" />
        <source>The survey file cannot be used.</source>
        <translation>Le fichier du relevé est inutilisable.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="49" />
        <source>This did not work.</source>
        <translation>Cela n’a pas marché.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="51" />
        <source>The change could not be saved.</source>
        <translation>La modification n’a pas pu être enregistrée.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="52" />
        <source>Faces cannot be found on this computer: nothing was exported.</source>
        <translation>Les visages ne peuvent pas être détectés sur cet ordinateur : rien n'a été exporté.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="55" />
        <source>This blur region is no longer in the survey.</source>
        <translation>Cette zone floutée n'est plus dans le relevé.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="56" />
        <source>The export was stopped: nothing was written.</source>
        <translation>L'export a été arrêté : rien n'a été écrit.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="81" />
        <source>This camera is no longer in the survey.</source>
        <translation>Cette caméra n’est plus dans le relevé.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="82" />
        <source>This camera is already in the survey.</source>
        <translation>Cette caméra est déjà dans le relevé.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="83" />
        <source>A sheet line is up to 20 letters, digits, hyphens or spaces, such as 12 or A-3.</source>
        <translation>Une ligne de fiche compte au plus 20 lettres, chiffres, tirets ou espaces, par exemple 12 ou A-3.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="87" />
        <source>This sector is no longer in the survey.</source>
        <translation>Ce secteur n’est plus dans le relevé.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="88" />
        <source>This photo is no longer in the survey.</source>
        <translation>Cette photo n’est plus dans le relevé.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="89" />
        <source>This photo is not inside the survey yet, and its original file is gone.</source>
        <translation>Cette photo n’est pas encore dans le relevé, et son fichier d’origine a disparu.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="96" />
        <source>This file is the open survey itself: it cannot be used here.</source>
        <translation>Ce fichier est le relevé ouvert lui-même : il ne peut pas servir ici.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="100" />
        <source>This file is not a photo (JPEG, HEIC, JPEG XL, AVIF, PNG or WebP).</source>
        <translation>Ce fichier n’est pas une photo (JPEG, HEIC, JPEG XL, AVIF, PNG ou WebP).</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="106" />
        <source>This photo has too many pixels to be opened safely.</source>
        <translation>Cette photo a trop de pixels pour être ouverte sans risque.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="110" />
        <source>This map file is damaged.</source>
        <translation>Ce fichier de carte est abîmé.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="111" />
        <source>This map file holds unsafe content and was not read.</source>
        <translation>Ce fichier de carte contient des éléments dangereux : il n’a pas été lu.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="114" />
        <source>This is not a map file Contrechamp can read.</source>
        <translation>Contrechamp ne sait pas lire ce fichier de carte.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="157" />
        <source>This survey has no sector of that name: nothing was exported.</source>
        <translation>Ce relevé n’a pas de secteur de ce nom : rien n’a été exporté.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="172" />
        <source>A sector's polygon encloses no area: draw it again.</source>
        <translation>Le polygone d’un secteur n’a pas de surface : dessinez-le de nouveau.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="175" />
        <source>Give the sector a name.</source>
        <translation>Donnez un nom au secteur.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="176" />
        <source>The survey already has a sector of this name: choose another name.</source>
        <translation>Le relevé a déjà un secteur de ce nom : choisissez-en un autre.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="179" />
        <source>A sector needs at least three corners: draw it again.</source>
        <translation>Un secteur demande au moins trois sommets : tracez-le à nouveau.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="182" />
        <source>The sector's edge crosses itself: click its corners in order around it.</source>
        <translation>Le bord du secteur se croise : cliquez ses sommets dans l'ordre, en en faisant le tour.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="185" />
        <source>No sector is handed to a pair yet: give the sectors their pairs first.</source>
        <translation>Aucun secteur n’est encore attribué à un binôme : attribuez d’abord les secteurs aux binômes.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="188" />
        <source>Handouts are already in this folder: choose another folder, or replace them.</source>
        <translation>Ce dossier contient déjà des relevés distribués : choisissez un autre dossier, ou remplacez-les.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="191" />
        <source>The handouts cannot be written there: choose another folder.</source>
        <translation>Les relevés à distribuer ne peuvent pas être écrits ici : choisissez un autre dossier.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="195" />
        <source>The survey has no map area yet: load an OSM extract first.</source>
        <translation>Le relevé n’a pas encore de zone de carte : chargez d’abord un extrait OSM.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="198" />
        <location filename="../app/contrechamp/core/messages.py" line="209" />
        <source>The survey has no sector of this name: choose one of its sectors.</source>
        <translation>Le relevé n’a pas de secteur de ce nom : choisissez l’un de ses secteurs.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="201" />
        <source>The field sheets cannot be written there: choose a new file name in an existing folder.</source>
        <translation>Les fiches de terrain ne peuvent pas être écrites là : choisissez un nouveau nom de fichier dans un dossier existant.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="206" />
        <source>The survey has no map area yet: load an OSM extract to measure coverage.</source>
        <translation>Le relevé n’a pas encore de zone de carte : chargez un extrait OSM pour mesurer la couverture.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="212" />
        <source>A route needs two points or more: click at least two points on the map.</source>
        <translation>Un trajet demande au moins deux points : cliquez-en au moins deux sur la carte.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="215" />
        <source>This GPX file has no track or route of two points or more.</source>
        <translation>Ce fichier GPX n’a aucun trajet ni itinéraire d’au moins deux points.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="219" />
        <source>This file is not a list of cameras: save it as CSV or GeoJSON.</source>
        <translation>Ce fichier n’est pas une liste de caméras : enregistrez-le en CSV ou en GeoJSON.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="222" />
        <source>This list holds no camera.</source>
        <translation>Cette liste ne contient aucune caméra.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="223" />
        <source>This list has no coordinate columns and no address column.</source>
        <translation>Cette liste n’a ni colonnes de coordonnées ni colonne d’adresse.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="226" />
        <source>This list has no column of that name.</source>
        <translation>Cette liste n’a pas de colonne de ce nom.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="227" />
        <source>No row of this list has coordinates or a street crossing found on the survey's map.</source>
        <translation>Aucune ligne de cette liste n’a de coordonnées ni de carrefour trouvé sur la carte du relevé.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="231" />
        <source>This list name cannot be used.</source>
        <translation>Ce nom de liste est inutilisable.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="232" />
        <source>The comparison radius must be more than 0 and at most 1000 metres.</source>
        <translation>Le rayon de comparaison doit être supérieur à 0 et d’au plus 1000 mètres.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="237" />
        <source>This GPS track has no point with a time.</source>
        <translation>Ce trajet GPS n’a aucun point horodaté.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="238" />
        <source>This GPS track has too many points.</source>
        <translation>Ce trajet GPS a trop de points.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="240" />
        <source>Say in a changeset comment what you mapped (at most 255 characters).</source>
        <translation>Indiquez dans le commentaire du groupe de modifications ce que vous avez cartographié (255 caractères au plus).</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="243" />
        <source>This is not the address of an OSM server (https://…).</source>
        <translation>Ce n’est pas l’adresse d’un serveur OSM (https://…).</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="246" />
        <source>Contrechamp has no OAuth 2 client id for this server: register it there, then give its client id.</source>
        <translation>Contrechamp n’a pas d’identifiant client OAuth 2 pour ce serveur : enregistrez-le sur ce serveur, puis indiquez son identifiant client.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="251" />
        <source>The login to OpenStreetMap did not finish: try again.</source>
        <translation>La connexion à OpenStreetMap n’a pas abouti : réessayez.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="254" />
        <source>OpenStreetMap no longer accepts this login: log in again.</source>
        <translation>OpenStreetMap n’accepte plus cette connexion : reconnectez-vous.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="257" />
        <source>OpenStreetMap refused: this account may not edit now (blocked, or new terms to accept). Check it on the website.</source>
        <translation>OpenStreetMap a refusé : ce compte ne peut pas modifier pour l’instant (bloqué, ou de nouvelles conditions à accepter). Vérifiez-le sur le site.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="262" />
        <source>OpenStreetMap cannot be reached: check the connection, then upload again.</source>
        <translation>OpenStreetMap est injoignable : vérifiez la connexion, puis relancez l’envoi.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="265" />
        <source>OpenStreetMap did not answer in time: upload again later.</source>
        <translation>OpenStreetMap n’a pas répondu à temps : relancez l’envoi plus tard.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="268" />
        <source>The OpenStreetMap server has a problem: upload again later.</source>
        <translation>Le serveur d’OpenStreetMap a un problème : relancez l’envoi plus tard.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="271" />
        <source>OpenStreetMap asks to slow down: wait a few minutes, then upload again.</source>
        <translation>OpenStreetMap demande de ralentir : attendez quelques minutes, puis relancez l’envoi.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="274" />
        <source>OpenStreetMap sent an answer Contrechamp cannot read: upload again later.</source>
        <translation>OpenStreetMap a envoyé une réponse que Contrechamp ne sait pas lire : relancez l’envoi plus tard.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="277" />
        <source>The upload was interrupted and OSM's answer lost: upload again, it first checks what OSM received, so nothing is sent twice.</source>
        <translation>L’envoi a été interrompu et la réponse d’OSM perdue : relancez l’envoi, il vérifie d’abord ce qu’OSM a reçu, rien n’est donc envoyé deux fois.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="282" />
        <source>Someone changed one of these cameras in OSM during the upload: upload again, it reads their change first.</source>
        <translation>Quelqu’un a modifié une de ces caméras dans OSM pendant l’envoi : relancez l’envoi, il lit d’abord sa modification.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="287" />
        <source>OpenStreetMap closed the changeset before the end: upload again to send the rest.</source>
        <translation>OpenStreetMap a fermé le groupe de modifications avant la fin : relancez l’envoi pour envoyer le reste.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="291" />
        <source>This upload was started with another OSM account: log in with that account.</source>
        <translation>Cet envoi a été commencé avec un autre compte OSM : connectez-vous avec ce compte.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="295" />
        <source>OpenStreetMap refused a change that depends on other data: nothing was sent.</source>
        <translation>OpenStreetMap a refusé une modification qui dépend d’autres données : rien n’a été envoyé.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="298" />
        <source>OpenStreetMap refused the changes as malformed: please report this bug.</source>
        <translation>OpenStreetMap a refusé les modifications comme mal formées : merci de signaler ce bogue.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="302" />
        <source>The campaign database cannot be used.</source>
        <translation>La base de la campagne ne peut pas être utilisée.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="303" />
        <source>This is not a campaign address: give postgresql://USER@HOST:PORT/DATABASE.</source>
        <translation>Ce n’est pas une adresse de campagne : donnez postgresql://UTILISATEUR@HÔTE:PORT/BASE.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="306" />
        <source>The campaign address holds a password: remove it and put the password in the keyring, PGPASSWORD or ~/.pgpass.</source>
        <translation>L’adresse de la campagne contient un mot de passe : retirez-le et mettez le mot de passe dans le trousseau, PGPASSWORD ou ~/.pgpass.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="311" />
        <source>The campaign server refused the password: check the one in the keyring, PGPASSWORD or ~/.pgpass.</source>
        <translation>Le serveur de la campagne a refusé le mot de passe : vérifiez celui du trousseau, de PGPASSWORD ou de ~/.pgpass.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="316" />
        <source>The campaign server cannot be reached: check its address and the network.</source>
        <translation>Le serveur de la campagne est injoignable : vérifiez son adresse et le réseau.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="319" />
        <source>This database does not exist on the campaign server.</source>
        <translation>Cette base n’existe pas sur le serveur de la campagne.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="322" />
        <source>This user may not change the campaign database.</source>
        <translation>Cet utilisateur n’a pas le droit de modifier la base de la campagne.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="325" />
        <source>The connection to the campaign server was lost: nothing was changed there. Try again.</source>
        <translation>La connexion au serveur de la campagne a été perdue : rien n’y a été modifié. Réessayez.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="329" />
        <source>This campaign was made with a newer Contrechamp. Update the app to use it.</source>
        <translation>Cette campagne a été créée par un Contrechamp plus récent. Mettez l’application à jour pour l’utiliser.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="332" />
        <source>This campaign has an older layout: set it up again (campaign init) first.</source>
        <translation>Cette campagne a une structure plus ancienne : mettez-la d’abord à jour (campaign init).</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="335" />
        <source>This database holds no campaign yet: set one up first (campaign init).</source>
        <translation>Cette base ne contient pas encore de campagne : créez-la d’abord (campaign init).</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="338" />
        <source>The campaign database is damaged.</source>
        <translation>La base de la campagne est endommagée.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="339" />
        <source>PostGIS is not available in this database: ask its administrator.</source>
        <translation>PostGIS n’est pas disponible dans cette base : demandez à son administrateur.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="342" />
        <source>The campaign has no sector of this name.</source>
        <translation>La campagne n’a aucun secteur de ce nom.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="343" />
        <source>The campaign action was stopped: nothing was changed.</source>
        <translation>L’opération sur la campagne a été arrêtée : rien n’a été modifié.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="356" />
        <source>The GPS sends data that cannot be read.</source>
        <translation>Le GPS envoie des données illisibles.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="357" />
        <source>A value given on the command line cannot be used.</source>
        <translation>Une valeur donnée en ligne de commande est inutilisable.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="358" />
        <source>This list of cameras cannot be read.</source>
        <translation>Cette liste de caméras est illisible.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="359" />
        <source>These sectors cannot be used: give polygons with different, short names.</source>
        <translation>Ces secteurs sont inutilisables : donnez des polygones aux noms courts et tous différents.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="366" />
        <source>{name}: no such file or folder</source>
        <translation>{name} : fichier ou dossier introuvable</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="367" />
        <source>{name} cannot be read</source>
        <translation>{name} ne peut pas être lu</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="368" />
        <source>{name} is too large to be a photo</source>
        <translation>{name} est trop gros pour être une photo</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="369" />
        <source>{name} is the survey itself, not a photo</source>
        <translation>{name} est le relevé lui-même, pas une photo</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="370" />
        <source>{name} is not a JPEG, HEIC, JPEG XL, AVIF, PNG or WebP photo</source>
        <translation>{name} n’est pas une photo JPEG, HEIC, JPEG XL, AVIF, PNG ou WebP</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="373" />
        <source>{name} is damaged: it cannot be read as a photo</source>
        <translation>{name} est abîmé : il ne peut pas être lu comme une photo</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="376" />
        <source>{name} has too many pixels to be opened safely</source>
        <translation>{name} a trop de pixels pour être ouvert sans risque</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="379" />
        <source>{name} was not imported: the disk holding the survey is full</source>
        <translation>{name} n’a pas été importé : le disque du relevé est plein</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="382" />
        <source>{name} was not imported: the survey file could not be written</source>
        <translation>{name} n’a pas été importé : le fichier du relevé n’a pas pu être écrit</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="385" />
        <source>{name} was not imported: the survey file is read-only</source>
        <translation>{name} n’a pas été importé : le fichier du relevé est en lecture seule</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="388" />
        <source>{name} was not imported: another program is using the survey file</source>
        <translation>{name} n’a pas été importé : un autre programme utilise le fichier du relevé</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="394" />
        <source>{name} could not be imported</source>
        <translation>{name} n’a pas pu être importé</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="397" />
        <source>{name} was not copied into the survey: the file is gone</source>
        <translation>{name} n’a pas été copié dans le relevé : le fichier a disparu</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="400" />
        <source>{name} was not copied into the survey: the file changed during the import</source>
        <translation>{name} n’a pas été copié dans le relevé : le fichier a changé pendant l’import</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="403" />
        <source>{name} was not copied into the survey yet</source>
        <translation>{name} n’a pas encore été copié dans le relevé</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="407" />
        <source>{name} was not copied into the survey</source>
        <translation>{name} n’a pas été copié dans le relevé</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="103" />
        <source>This file is not a photo Contrechamp can read.</source>
        <translation>Contrechamp ne sait pas lire cette photo.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="132" />
        <source>This CSV file is not in a known text encoding: save it as UTF-8.</source>
        <translation>Ce fichier CSV n’est pas dans un codage de texte connu : enregistrez-le en UTF-8.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="135" />
        <source>This CSV file has no latitude and longitude columns.</source>
        <translation>Ce fichier CSV n’a pas de colonnes latitude et longitude.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="138" />
        <source>This GeoJSON file is not in WGS 84 longitude and latitude.</source>
        <translation>Ce fichier GeoJSON n’est pas en longitude et latitude WGS 84.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="141" />
        <source>The Overpass server stopped before the end: download the data again.</source>
        <translation>Le serveur Overpass s’est arrêté avant la fin : téléchargez de nouveau les données.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="144" />
        <source>A tag is empty, too long, or has characters OSM cannot store.</source>
        <translation>Un attribut est vide, trop long, ou contient des caractères qu’OSM ne peut pas enregistrer.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="147" />
        <source>The cameras cannot be exported there: choose a new file name in an existing folder.</source>
        <translation>Les caméras ne peuvent pas être exportées ici : choisissez un nouveau nom de fichier dans un dossier existant.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="151" />
        <source>The survey holds a value this format cannot carry: nothing was exported.</source>
        <translation>Le relevé contient une valeur que ce format ne peut pas représenter : rien n’a été exporté.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="154" />
        <source>The file could not be written (a full disk or a read-only folder).</source>
        <translation>Le fichier n’a pas pu être écrit (disque plein ou dossier en lecture seule).</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="161" />
        <source>The merge radius is out of range.</source>
        <translation>Le rayon de fusion est hors limites.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="162" />
        <source>Choose a survey file name for the merge, not a folder.</source>
        <translation>Choisissez un nom de fichier de relevé pour la fusion, pas un dossier.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="165" />
        <source>This file exists and is not a merged survey: choose a new file name.</source>
        <translation>Ce fichier existe et n’est pas un relevé fusionné : choisissez un nouveau nom de fichier.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="168" />
        <source>A survey to merge is the merged survey itself: choose another file name.</source>
        <translation>Un relevé à fusionner est le relevé fusionné lui-même : choisissez un autre nom de fichier.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="236" />
        <source>This GPS source is not understood.</source>
        <translation>Cette source GPS n’est pas comprise.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="50" />
        <source>This file or value cannot be used.</source>
        <translation>Ce fichier ou cette valeur est inutilisable.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="115" />
        <source>This map file holds no map of an area.</source>
        <translation>Ce fichier ne contient la carte d’aucune zone.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="116" />
        <source>This map file has places outside the world.</source>
        <translation>Ce fichier de carte contient des lieux hors du monde.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="93" />
        <source>The file cannot be found.</source>
        <translation>Le fichier est introuvable.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="94" />
        <source>The file cannot be read.</source>
        <translation>Le fichier ne peut pas être lu.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="95" />
        <source>The file is too large to open safely.</source>
        <translation>Le fichier est trop gros pour être ouvert sans risque.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="117" />
        <source>An OSM id in this file is out of range.</source>
        <translation>Un identifiant OSM de ce fichier est hors limites.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="118" />
        <source>A camera linked to OSM has no version number: download it again with its metadata.</source>
        <translation>Une caméra liée à OSM n’a pas de numéro de version : téléchargez-la de nouveau avec ses métadonnées.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="122" />
        <source>This MBTiles file is damaged.</source>
        <translation>Ce fichier MBTiles est abîmé.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="123" />
        <source>This MBTiles file holds no tiles.</source>
        <translation>Ce fichier MBTiles ne contient aucune tuile.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="124" />
        <source>The tiles of this MBTiles file are not images.</source>
        <translation>Les tuiles de ce fichier MBTiles ne sont pas des images.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="128" />
        <source>Contrechamp cannot import this kind of file. Use a survey, GeoJSON, OSM or CSV file.</source>
        <translation>Contrechamp ne sait pas importer ce genre de fichier. Utilisez un relevé, un fichier GeoJSON, OSM ou CSV.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="44" />
        <source>This file cannot be imported: it is damaged or laid out differently.</source>
        <translation>Ce fichier ne peut pas être importé : il est abîmé ou organisé autrement.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/core/messages.py" line="355" />
        <source>This GPS track cannot be read.</source>
        <translation>Ce trajet GPS ne peut pas être lu.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/messages.py" line="107" />
        <source>This did not work: {detail}</source>
        <translation>Cela n’a pas marché : {detail}</translation>
    </message>
</context>
<context>
    <name>OfficialListPanel</name>
    <message>
        <location filename="../app/contrechamp/ui/lists_panel.py" line="35" />
        <source>Lists</source>
        <translation>Listes</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/lists_panel.py" line="36" />
        <source>Official lists of cameras compared with those seen: listed but not seen, seen but not listed</source>
        <translation>Listes officielles de caméras comparées à celles vues : listées mais pas vues, vues mais pas listées</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/lists_panel.py" line="101" />
        <source>The official list to compare with the cameras seen</source>
        <translation>La liste officielle à comparer aux caméras vues</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/lists_panel.py" line="116" />
        <source>No official list in this survey (contrechamp import-list SURVEY FILE).</source>
        <translation>Aucune liste officielle dans ce relevé (contrechamp import-list RELEVÉ FICHIER).</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/lists_panel.py" line="122" />
        <source>Listed but not seen (%1)</source>
        <translation>Dans la liste, non vues (%1)</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/lists_panel.py" line="123" />
        <source>Seen but not listed (%1)</source>
        <translation>Vues, absentes de la liste (%1)</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/lists_panel.py" line="124" />
        <source>Unplaced rows (%1)</source>
        <translation>Lignes non placées (%1)</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/lists_panel.py" line="136" />
        <source>%1 listed cameras, %2 cameras seen</source>
        <translation>%1 caméras dans la liste, %2 caméras vues</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/lists_panel.py" line="137" />
        <source>Seen and listed: %1</source>
        <translation>Vues et dans la liste : %1</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/lists_panel.py" line="139" />
        <source>A camera seen within %1 m is taken as listed.</source>
        <translation>Une caméra vue à moins de %1 m compte comme listée.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/lists_panel.py" line="143" />
        <source>Outside the survey's area: %1</source>
        <translation>Hors de la zone du relevé : %1</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/lists_panel.py" line="149" />
        <source>Camera %1</source>
        <translation>Caméra %1</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/lists_panel.py" line="152" />
        <source>(no address)</source>
        <translation>(sans adresse)</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/lists_panel.py" line="154" />
        <source>Line %1 (%2): %3</source>
        <translation>Ligne %1 (%2) : %3</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/lists_panel.py" line="156" />
        <source>Line %1: %2</source>
        <translation>Ligne %1 : %2</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/lists_panel.py" line="160" />
        <source>Placed at the crossing of %1</source>
        <translation>Placée au carrefour %1</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../app/contrechamp/ui/campaign_dialog.py" line="188" />
        <source>Campaign password</source>
        <translation>Mot de passe de la campagne</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/campaign_dialog.py" line="189" />
        <source>&amp;Password</source>
        <translation>&amp;Mot de passe</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/campaign_dialog.py" line="190" />
        <source>&amp;Keep it in the keyring</source>
        <translation>&amp;Le garder dans le trousseau</translation>
    </message>
</context>
<context>
    <name>PhotoExportDialog</name>
    <message>
        <location filename="../app/contrechamp/ui/export_dialog.py" line="298" />
        <location filename="../app/contrechamp/ui/export_dialog.py" line="317" />
        <source>Export photos</source>
        <translation>Exporter les photos</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/export_dialog.py" line="299" />
        <source>&amp;Folder</source>
        <translation>&amp;Dossier</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/export_dialog.py" line="301" />
        <source>Keep photo &amp;metadata (location, device)</source>
        <translation>Garder les &amp;métadonnées des photos (lieu, appareil)</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/export_dialog.py" line="303" />
        <source>Off: the copies tell nothing about where, when or with what they were taken</source>
        <translation>Décoché : les copies ne disent ni où, ni quand, ni avec quoi elles ont été prises</translation>
    </message>
</context>
<context>
    <name>PhotoImport</name>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/photos/texts.py" line="18" />
        <source>%n camera(s) to review</source>
        <translation>
            <numerusform>%n caméra à vérifier</numerusform>
            <numerusform>%n caméras à vérifier</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/photos/texts.py" line="19" />
        <source>%n photo(s) added</source>
        <translation>
            <numerusform>%n photo ajoutée</numerusform>
            <numerusform>%n photos ajoutées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/photos/texts.py" line="22" />
        <source>%n already in the survey</source>
        <translation>
            <numerusform>%n déjà dans le relevé</numerusform>
            <numerusform>%n déjà dans le relevé</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/photos/texts.py" line="25" />
        <source>%n photo(s) to place on the map</source>
        <translation>
            <numerusform>%n photo à placer sur la carte</numerusform>
            <numerusform>%n photos à placer sur la carte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/photos/texts.py" line="28" />
        <source>%n file(s) skipped</source>
        <translation>
            <numerusform>%n fichier ignoré</numerusform>
            <numerusform>%n fichiers ignorés</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/photos/texts.py" line="30" />
        <source>Import stopped: what was done is saved.</source>
        <translation>Import arrêté : ce qui a été fait est enregistré.</translation>
    </message>
</context>
<context>
    <name>PhotoImportDialog</name>
    <message>
        <location filename="../app/contrechamp/ui/photos/import_dialog.py" line="125" />
        <source>Import walk photos</source>
        <translation>Importer les photos de la balade</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/photos/import_dialog.py" line="126" />
        <source>Add &amp;photos…</source>
        <translation>Ajouter des &amp;photos…</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/photos/import_dialog.py" line="127" />
        <source>Add a &amp;folder…</source>
        <translation>Ajouter un &amp;dossier…</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/photos/import_dialog.py" line="128" />
        <source>GPS &amp;track…</source>
        <translation>&amp;Trajet GPS…</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/photos/import_dialog.py" line="129" />
        <source>Places photos that have no position (GPX file)</source>
        <translation>Place les photos qui n’ont pas de position (fichier GPX)</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/photos/import_dialog.py" line="130" />
        <source>No track</source>
        <translation>Pas de trajet</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/photos/import_dialog.py" line="131" />
        <source>Camera clock offset</source>
        <translation>Décalage de l’horloge de l’appareil</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/photos/import_dialog.py" line="132" />
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/photos/import_dialog.py" line="133" />
        <source>Seconds to add to the photo times to match the track</source>
        <translation>Secondes à ajouter à l’heure des photos pour qu’elles suivent le trajet</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/photos/import_dialog.py" line="134" />
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/photos/import_dialog.py" line="178" />
        <source>Reading photos…</source>
        <translation>Lecture des photos…</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/photos/import_dialog.py" line="189" />
        <source>Copying photos into the survey…</source>
        <translation>Copie des photos dans le relevé…</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/photos/import_dialog.py" line="229" />
        <source>&amp;Stop</source>
        <translation>&amp;Arrêter</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/photos/import_dialog.py" line="229" />
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/photos/import_dialog.py" line="239" />
        <source>Add photos</source>
        <translation>Ajouter des photos</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/photos/import_dialog.py" line="239" />
        <source>Photos</source>
        <translation>Photos</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/photos/import_dialog.py" line="244" />
        <source>Add a folder of photos</source>
        <translation>Ajouter un dossier de photos</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/photos/import_dialog.py" line="250" />
        <source>GPS track</source>
        <translation>Trajet GPS</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/photos/import_dialog.py" line="250" />
        <source>GPX tracks</source>
        <translation>Trajets GPX</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/photos/import_dialog.py" line="280" />
        <source>Copy stopped: the other photos are copied next time.</source>
        <translation>Copie arrêtée : les autres photos seront copiées la prochaine fois.</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/photos/import_dialog.py" line="283" />
        <source>%n photo(s) not copied: the original file is missing or changed.</source>
        <translation>
            <numerusform>%n photo non copiée : le fichier d'origine est absent ou modifié.</numerusform>
            <numerusform>%n photos non copiées : le fichier d'origine est absent ou modifié.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/photos/import_dialog.py" line="287" />
        <source>All photos are inside the survey.</source>
        <translation>Toutes les photos sont dans le relevé.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/photos/import_dialog.py" line="296" />
        <source>The photos could not all be copied. They are copied next time.</source>
        <translation>Les photos n'ont pas toutes pu être copiées. Elles le seront la prochaine fois.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/photos/import_dialog.py" line="308" />
        <source>The import failed. Nothing more was changed.</source>
        <translation>L’import a échoué. Rien d’autre n’a été modifié.</translation>
    </message>
</context>
<context>
    <name>PhotoIntake</name>
    <message>
        <location filename="../app/contrechamp/ui/photos/intake.py" line="84" />
        <source>Wait a moment: Contrechamp is still working.</source>
        <translation>Un instant : Contrechamp travaille encore.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/photos/intake.py" line="169" />
        <source>Import photos</source>
        <translation>Import de photos</translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <location filename="../app/contrechamp/ui/form/photos.py" line="76" />
        <source>Add &amp;photos…</source>
        <translation>Ajouter des &amp;photos…</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/photos.py" line="79" />
        <location filename="../app/contrechamp/ui/form/photos.py" line="108" />
        <source>Close-up</source>
        <translation>Gros plan</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/photos.py" line="80" />
        <location filename="../app/contrechamp/ui/form/photos.py" line="109" />
        <source>Wide (where it is)</source>
        <translation>Plan large (où elle est)</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/photos.py" line="81" />
        <location filename="../app/contrechamp/ui/form/photos.py" line="110" />
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/photos.py" line="83" />
        <source>What the next photos show</source>
        <translation>Ce que montrent les prochaines photos</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/photos.py" line="116" />
        <source>Add photos</source>
        <translation>Ajouter des photos</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/photos.py" line="116" />
        <source>Photos</source>
        <translation>Photos</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/photos.py" line="135" />
        <source>Add photo</source>
        <translation>Ajouter une photo</translation>
    </message>
</context>
<context>
    <name>PhotoViewer</name>
    <message>
        <location filename="../app/contrechamp/ui/form/photos.py" line="178" />
        <source>Drag a rectangle to blur it in every export (a number plate, a name); click one and press Delete to stop blurring it.</source>
        <translation>Tracez un rectangle pour le flouter dans chaque export (une plaque, un nom) ; cliquez-en un et appuyez sur Suppr pour ne plus le flouter.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/photos.py" line="181" />
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/photos.py" line="206" />
        <source>Blur a region</source>
        <translation>Flouter une zone</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/photos.py" line="212" />
        <source>Stop blurring a region</source>
        <translation>Ne plus flouter une zone</translation>
    </message>
</context>
<context>
    <name>ReviewLinks</name>
    <message>
        <location filename="../app/contrechamp/ui/window_review.py" line="75" />
        <source>Shown on the map: drag it or its handle to adjust it.</source>
        <translation>Sur la carte : faites glisser la caméra ou sa poignée pour l’ajuster.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/window_review.py" line="86" />
        <source>Click the map where the camera of this photo is.</source>
        <translation>Cliquez sur la carte là où se trouve la caméra de cette photo.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/window_review.py" line="90" />
        <source>Photo placed as a draft camera. Ctrl+Z takes it back.</source>
        <translation>Photo placée comme caméra à vérifier. Ctrl+Z l’annule.</translation>
    </message>
</context>
<context>
    <name>SectorDialog</name>
    <message>
        <location filename="../app/contrechamp/ui/sector_dialog.py" line="61" />
        <source>New sector</source>
        <translation>Nouveau secteur</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/sector_dialog.py" line="62" />
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/sector_dialog.py" line="63" />
        <source>&amp;Pair</source>
        <translation>&amp;Binôme</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/sector_dialog.py" line="64" />
        <source>Pseudonyms, e.g. Zoé &amp; Ana (may stay empty)</source>
        <translation>Pseudonymes, par ex. Zoé &amp; Ana (peut rester vide)</translation>
    </message>
</context>
<context>
    <name>SectorsPanel</name>
    <message>
        <location filename="../app/contrechamp/ui/sectors_panel.py" line="48" />
        <source>Sectors</source>
        <translation>Secteurs</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/sectors_panel.py" line="49" />
        <source>The workshop's sectors: who walks each one and how much is walked</source>
        <translation>Les secteurs de l'atelier : qui parcourt chacun et ce qui en est parcouru</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/sectors_panel.py" line="204" />
        <source>The sector this pair walks</source>
        <translation>Le secteur que parcourt ce binôme</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/sectors_panel.py" line="214" />
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/sectors_panel.py" line="253" />
        <source>Sector not saved</source>
        <translation>Secteur non enregistré</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/sectors_panel.py" line="269" />
        <source>Draw sector %1</source>
        <translation>Tracer le secteur %1</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/sectors_panel.py" line="276" />
        <source>Sector %1 saved.</source>
        <translation>Secteur %1 enregistré.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/sectors_panel.py" line="284" />
        <source>Delete sector %1</source>
        <translation>Supprimer le secteur %1</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/sectors_panel.py" line="297" />
        <source>Click the sector's corners on the map. Enter or a double-click closes it, Backspace takes the last corner back, Esc cancels.</source>
        <translation>Cliquez les sommets du secteur sur la carte. Entrée ou un double-clic le ferme, Retour arrière reprend le dernier sommet, Échap annule.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/sectors_panel.py" line="302" />
        <source>Double-click a sector to see all of it on the map.</source>
        <translation>Double-cliquez un secteur pour le voir en entier sur la carte.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/sectors_panel.py" line="303" />
        <source>No sector yet: draw one on the map.</source>
        <translation>Aucun secteur : tracez-en un sur la carte.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/sectors_panel.py" line="309" />
        <source>Sector</source>
        <translation>Secteur</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/sectors_panel.py" line="309" />
        <source>Pair</source>
        <translation>Binôme</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/sectors_panel.py" line="309" />
        <source>Walked</source>
        <translation>Parcouru</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/sectors_panel.py" line="309" />
        <source>Cameras</source>
        <translation>Caméras</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/sectors_panel.py" line="311" />
        <source>&amp;Draw sector</source>
        <translation>&amp;Tracer un secteur</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/sectors_panel.py" line="312" />
        <source>De&amp;lete</source>
        <translation>Supp&amp;rimer</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/sectors_panel.py" line="313" />
        <source>Re&amp;fresh</source>
        <translation>Ac&amp;tualiser</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/sectors_panel.py" line="314" />
        <source>Draw a new sector on the map, corner by corner</source>
        <translation>Tracer un nouveau secteur sur la carte, sommet par sommet</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/sectors_panel.py" line="315" />
        <source>Work out again how much of each sector is walked</source>
        <translation>Recalculer ce qui est parcouru de chaque secteur</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../app/contrechamp/ui/settings_dialog.py" line="80" />
        <source>Settings</source>
        <translation>Réglages</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/settings_dialog.py" line="83" />
        <source>Same as the computer</source>
        <translation>Comme l’ordinateur</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/settings_dialog.py" line="87" />
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/settings_dialog.py" line="88" />
        <source>GPS</source>
        <translation>GPS</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/settings_dialog.py" line="89" />
        <source>Keep the map on my position</source>
        <translation>Garder la carte sur ma position</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/settings_dialog.py" line="90" />
        <source>Map</source>
        <translation>Carte</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/settings_dialog.py" line="91" />
        <source>Use online map tiles (needs the internet)</source>
        <translation>Utiliser des tuiles de carte en ligne (demande internet)</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/settings_dialog.py" line="92" />
        <source>Address of the tiles, with {z}, {x} and {y}</source>
        <translation>Adresse des tuiles, avec {z}, {x} et {y}</translation>
    </message>
</context>
<context>
    <name>SheetLineField</name>
    <message>
        <location filename="../app/contrechamp/ui/form/sheet_line.py" line="35" />
        <source>The line of the printed field sheet this camera was written on. Private: never exported nor sent to OpenStreetMap.</source>
        <translation>La ligne de la fiche papier où cette caméra a été notée. Privé : jamais exporté ni envoyé à OpenStreetMap.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/sheet_line.py" line="38" />
        <source>e.g. 12</source>
        <translation>par ex. 12</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/form/sheet_line.py" line="73" />
        <source>Change sheet line</source>
        <translation>Modifier la ligne de fiche</translation>
    </message>
</context>
<context>
    <name>SidePanelTabs</name>
    <message>
        <location filename="../app/contrechamp/ui/side_tabs.py" line="44" />
        <source>Camera</source>
        <translation>Caméra</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/side_tabs.py" line="45" />
        <source>The chosen camera (click one on the map)</source>
        <translation>La caméra choisie (cliquez-en une sur la carte)</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/side_tabs.py" line="49" />
        <source>List</source>
        <translation>Liste</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/side_tabs.py" line="50" />
        <source>All the cameras of the survey (Ctrl+L)</source>
        <translation>Toutes les caméras du relevé (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/side_tabs.py" line="54" />
        <source>Drafts to review</source>
        <translation>À vérifier</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/side_tabs.py" line="55" />
        <source>Drafts made from photos, to confirm or reject (Ctrl+R)</source>
        <translation>Caméras créées d’après des photos, à confirmer ou à rejeter (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/side_tabs.py" line="61" />
        <source>Layers</source>
        <translation>Couches</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/side_tabs.py" line="62" />
        <source>The map's layers, to show or hide</source>
        <translation>Les couches de la carte, à afficher ou à masquer</translation>
    </message>
</context>
<context>
    <name>Sightings</name>
    <message>
        <location filename="../app/contrechamp/ui/sightings.py" line="60" />
        <source>No GPS fix: the camera is at the map centre. Drag it to its place.</source>
        <translation>Pas de position GPS : la caméra est au centre de la carte. Faites-la glisser à sa place.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/sightings.py" line="69" />
        <source>Click the map where the camera is.</source>
        <translation>Cliquez sur la carte là où est la caméra.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/sightings.py" line="98" />
        <source>Add camera</source>
        <translation>Ajouter une caméra</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/sightings.py" line="115" />
        <source>A camera already in OpenStreetMap is %1 m away. If it is the same one, undo (Ctrl+Z), click it on the map and choose “I saw this one”.</source>
        <translation>Une caméra déjà dans OpenStreetMap est à %1 m. Si c’est la même, annulez (Ctrl+Z), cliquez-la sur la carte et choisissez « Je l’ai vue ».</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/sightings.py" line="120" />
        <source>Another camera of this survey is %1 m away. Several cameras on one pole are normal; if it is the same one, undo (Ctrl+Z).</source>
        <translation>Une autre caméra de ce relevé est à %1 m. Plusieurs caméras sur un même poteau, c’est normal ; si c’est la même, annulez (Ctrl+Z).</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/sightings.py" line="137" />
        <source>You already logged this camera.</source>
        <translation>Vous avez déjà noté cette caméra.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/sightings.py" line="148" />
        <source>I saw this one</source>
        <translation>Je l’ai vue</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/sightings.py" line="153" />
        <source>Logged as seen today.</source>
        <translation>Notée comme vue aujourd’hui.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/sightings.py" line="161" />
        <source>Delete camera</source>
        <translation>Supprimer la caméra</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/sightings.py" line="165" />
        <source>Camera deleted. Ctrl+Z brings it back.</source>
        <translation>Caméra supprimée. Ctrl+Z la fait revenir.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/sightings.py" line="180" />
        <source>Move camera</source>
        <translation>Déplacer la caméra</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/sightings.py" line="190" />
        <source>Change direction</source>
        <translation>Changer la direction</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location filename="../app/contrechamp/ui/start_page.py" line="43" />
        <source>Open a survey…</source>
        <translation>Ouvrir un relevé…</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/start_page.py" line="44" />
        <source>Start a new survey…</source>
        <translation>Commencer un nouveau relevé…</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/start_page.py" line="46" />
        <source>Ready</source>
        <translation>Prêt</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/start_page.py" line="49" />
        <source>&lt;p&gt;&lt;b&gt;N&lt;/b&gt;: new camera at your position.&lt;br&gt;&lt;b&gt;A&lt;/b&gt;, then click: new camera on the map.&lt;br&gt;Click a camera on the map to edit it.&lt;/p&gt;&lt;p&gt;In the form: type the first letters of a value, &lt;b&gt;Tab&lt;/b&gt; to the next field, &lt;b&gt;Enter&lt;/b&gt; when done. Every change is saved at once; &lt;b&gt;Ctrl+Z&lt;/b&gt; undoes.&lt;/p&gt;&lt;p&gt;Not sure what you see? &lt;b&gt;F1&lt;/b&gt; shows the glossary.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;N&lt;/b&gt; : nouvelle caméra à votre position.&lt;br&gt;&lt;b&gt;A&lt;/b&gt;, puis clic : nouvelle caméra sur la carte.&lt;br&gt;Cliquez une caméra sur la carte pour la modifier.&lt;/p&gt;&lt;p&gt;Dans la fiche : tapez les premières lettres d’une valeur, &lt;b&gt;Tab&lt;/b&gt; pour le champ suivant, &lt;b&gt;Entrée&lt;/b&gt; pour finir. Chaque changement est enregistré tout de suite ; &lt;b&gt;Ctrl+Z&lt;/b&gt; annule.&lt;/p&gt;&lt;p&gt;Un doute sur ce que vous voyez ? &lt;b&gt;F1&lt;/b&gt; ouvre le glossaire.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/start_page.py" line="59" />
        <source>Welcome to Contrechamp</source>
        <translation>Bienvenue dans Contrechamp</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/start_page.py" line="62" />
        <source>Open the survey of your walk, or start a new one. Everything stays on this computer.</source>
        <translation>Ouvrez le relevé de votre balade, ou commencez-en un nouveau. Tout reste sur cet ordinateur.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/start_page.py" line="83" />
        <source>Open a survey</source>
        <translation>Ouvrir un relevé</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/start_page.py" line="83" />
        <location filename="../app/contrechamp/ui/start_page.py" line="94" />
        <source>Surveys</source>
        <translation>Relevés</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/start_page.py" line="92" />
        <source>New survey</source>
        <translation>Nouveau relevé</translation>
    </message>
</context>
<context>
    <name>SurveyView</name>
    <message>
        <location filename="../app/contrechamp/ui/survey_view.py" line="87" />
        <source>This survey has no area yet: load one from the File menu.</source>
        <translation>Ce relevé n’a pas encore de zone : chargez-en une depuis le menu Fichier.</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/survey_view.py" line="157" />
        <source>%n new draft(s) lie more than %1 km outside the survey area: photos taken elsewhere?</source>
        <translation>
            <numerusform>%n nouvelle caméra à vérifier est à plus de %1 km de la zone du relevé : une photo prise ailleurs ?</numerusform>
            <numerusform>%n nouvelles caméras à vérifier sont à plus de %1 km de la zone du relevé : des photos prises ailleurs ?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/survey_view.py" line="163" />
        <source>Drafts outside the area</source>
        <translation>Caméras hors de la zone</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/survey_view.py" line="169" />
        <source>Rejected drafts are never exported; Ctrl+Z brings them back.</source>
        <translation>Les caméras rejetées ne sont jamais exportées ; Ctrl+Z les fait revenir.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/survey_view.py" line="171" />
        <source>Reject them</source>
        <translation>Les rejeter</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/survey_view.py" line="172" />
        <source>Keep them</source>
        <translation>Les garder</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/survey_view.py" line="183" />
        <source>Reject drafts outside the area</source>
        <translation>Rejeter les caméras hors de la zone</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/survey_view.py" line="199" />
        <source>%n draft(s) rejected. Ctrl+Z brings them back.</source>
        <translation>
            <numerusform>%n caméra rejetée. Ctrl+Z la fait revenir.</numerusform>
            <numerusform>%n caméras rejetées. Ctrl+Z les fait revenir.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnplacedPhotos</name>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/photos/unplaced.py" line="68" />
        <source>%n photo(s) to place on the map</source>
        <translation>
            <numerusform>%n photo à placer sur la carte</numerusform>
            <numerusform>%n photos à placer sur la carte</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/photos/unplaced.py" line="69" />
        <source>Place on map (P)</source>
        <translation>Placer sur la carte (P)</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/photos/unplaced.py" line="71" />
        <source>Then click the map where the camera is: a draft is made there</source>
        <translation>Cliquez ensuite sur la carte là où est la caméra : une caméra à vérifier y est créée</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/photos/unplaced.py" line="132" />
        <source>Place photo</source>
        <translation>Placer la photo</translation>
    </message>
</context>
<context>
    <name>UploadDialog</name>
    <message>
        <location filename="../app/contrechamp/ui/upload_dialog.py" line="118" />
        <source>Upload to OpenStreetMap</source>
        <translation>Envoyer vers OpenStreetMap</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/upload_dialog.py" line="119" />
        <source>&amp;Comment</source>
        <translation>&amp;Commentaire</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/upload_dialog.py" line="119" />
        <source>&amp;Hashtags</source>
        <translation>&amp;Mots-dièse</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/upload_dialog.py" line="119" />
        <source>&amp;Server</source>
        <translation>&amp;Serveur</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/upload_dialog.py" line="120" />
        <source>&amp;Address</source>
        <translation>&amp;Adresse</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/upload_dialog.py" line="120" />
        <source>Client &amp;id</source>
        <translation>&amp;Identifiant client</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/upload_dialog.py" line="123" />
        <source>What you mapped, and how</source>
        <translation>Ce que vous avez cartographié, et comment</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/upload_dialog.py" line="124" />
        <source>#cartoparty #technopolice</source>
        <translation>#cartoparty #technopolice</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/upload_dialog.py" line="125" />
        <source>OpenStreetMap</source>
        <translation>OpenStreetMap</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/upload_dialog.py" line="125" />
        <source>Test server (master.apis.dev)</source>
        <translation>Serveur de test (master.apis.dev)</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/upload_dialog.py" line="126" />
        <source>Another server</source>
        <translation>Autre serveur</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/upload_dialog.py" line="129" />
        <source>&amp;Log in and check</source>
        <translation>Se &amp;connecter et vérifier</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/upload_dialog.py" line="130" />
        <source>&amp;Upload</source>
        <translation>&amp;Envoyer</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/upload_dialog.py" line="172" />
        <source>Logging in… (your browser opens if needed)</source>
        <translation>Connexion… (votre navigateur s’ouvre si besoin)</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/upload_dialog.py" line="185" />
        <source>Logged in as %1.</source>
        <translation>Connecté en tant que %1.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/upload_dialog.py" line="186" />
        <source>To upload: %1 new, %2 changed; %3 skipped; %4 cannot be sent.</source>
        <translation>À envoyer : %1 nouvelles, %2 modifiées ; %3 laissées de côté ; %4 impossibles à envoyer.</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/upload_dialog.py" line="193" />
        <source>%n cameras of an interrupted upload were found in OSM and linked.</source>
        <translation>
            <numerusform>%n caméra d’un envoi interrompu a été trouvée dans OSM et liée.</numerusform>
            <numerusform>%n caméras d’un envoi interrompu ont été trouvées dans OSM et liées.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/upload_dialog.py" line="199" />
        <source>No keyring: this login is kept until Contrechamp quits.</source>
        <translation>Pas de trousseau de clés : cette connexion est gardée jusqu’à la fermeture de Contrechamp.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/upload_dialog.py" line="201" />
        <source>Nothing to upload.</source>
        <translation>Rien à envoyer.</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/upload_dialog.py" line="230" />
        <source>Uploaded: %1 new and %2 changed cameras, in changeset %3.</source>
        <translation>Envoyé : %1 caméras nouvelles et %2 modifiées, dans le groupe de modifications %3.</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <location filename="../app/contrechamp/ui/window_actions.py" line="105" />
        <source>New camera here (N)</source>
        <translation>Caméra ici (N)</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/window_actions.py" line="106" />
        <source>Add on map (A)</source>
        <translation>Ajouter sur la carte (A)</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/window_actions.py" line="107" />
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/window_actions.py" line="108" />
        <source>Redo</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/window_actions.py" line="109" />
        <source>Delete camera</source>
        <translation>Supprimer la caméra</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/window_actions.py" line="110" />
        <source>Glossary (F1)</source>
        <translation>Glossaire (F1)</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/window_actions.py" line="111" />
        <source>Follow GPS (F)</source>
        <translation>Suivre le GPS (F)</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/window_actions.py" line="112" />
        <source>Go to the survey area (G)</source>
        <translation>Aller à la zone du relevé (G)</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/window_actions.py" line="113" />
        <source>Camera list</source>
        <translation>Liste des caméras</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/window_actions.py" line="114" />
        <source>Drafts to review</source>
        <translation>Caméras à vérifier</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/window_actions.py" line="115" />
        <source>Import photos…</source>
        <translation>Importer des photos…</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/window_actions.py" line="116" />
        <source>Import cameras…</source>
        <translation>Importer des caméras…</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/window_actions.py" line="117" />
        <source>Merge surveys…</source>
        <translation>Fusionner des relevés…</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/window_actions.py" line="118" />
        <source>Load map area from OSM extract…</source>
        <translation>Charger la zone depuis un extrait OSM…</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/window_actions.py" line="119" />
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/window_actions.py" line="120" />
        <source>Export photos…</source>
        <translation>Exporter les photos…</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/window_actions.py" line="121" />
        <source>Review blurred photos…</source>
        <translation>Vérifier les photos floutées…</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/window_actions.py" line="122" />
        <source>Print field sheets…</source>
        <translation>Imprimer les fiches de terrain…</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/window_actions.py" line="123" />
        <source>Upload to OpenStreetMap…</source>
        <translation>Envoyer vers OpenStreetMap…</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/window_actions.py" line="124" />
        <source>Campaign…</source>
        <translation>Campagne…</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/window_actions.py" line="125" />
        <source>Open survey…</source>
        <translation>Ouvrir un relevé…</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/window_actions.py" line="126" />
        <source>New survey…</source>
        <translation>Nouveau relevé…</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/window_actions.py" line="127" />
        <source>Settings…</source>
        <translation>Réglages…</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/window_actions.py" line="128" />
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/window_actions.py" line="132" />
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/window_actions.py" line="132" />
        <source>&amp;Edit</source>
        <translation>&amp;Modifier</translation>
    </message>
    <message>
        <location filename="../app/contrechamp/ui/window_actions.py" line="132" />
        <source>&amp;View</source>
        <translation>&amp;Vue</translation>
    </message>
</context>
<context>
    <name>_BusyIndicator</name>
    <message>
        <location filename="../app/contrechamp/ui/file_commands.py" line="382" />
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
</TS>
