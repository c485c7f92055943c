<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>CampaignDialog</name>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/campaign_dialog.py" line="459" />
        <source>%n camera(s) in the campaign,</source>
        <translation>
            <numerusform>%n camera in the campaign,</numerusform>
            <numerusform>%n cameras in the campaign,</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/campaign_dialog.py" line="461" />
        <source>%n confirmed.</source>
        <translation>
            <numerusform>%n confirmed.</numerusform>
            <numerusform>%n confirmed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/campaign_dialog.py" line="462" />
        <source>%n survey(s) pushed,</source>
        <translation>
            <numerusform>%n survey pushed,</numerusform>
            <numerusform>%n surveys pushed,</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/campaign_dialog.py" line="464" />
        <location filename="../app/contrechamp/ui/campaign_dialog.py" line="521" />
        <source>%n conflict(s) to decide.</source>
        <translation>
            <numerusform>%n conflict to decide.</numerusform>
            <numerusform>%n conflicts to decide.</numerusform>
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
            <numerusform>%n sector.</numerusform>
            <numerusform>%n sectors.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/campaign_dialog.py" line="519" />
        <source>Pushed: %n camera(s) added,</source>
        <translation>
            <numerusform>Pushed: %n camera added,</numerusform>
            <numerusform>Pushed: %n cameras added,</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/campaign_dialog.py" line="520" />
        <source>%n changed,</source>
        <translation>
            <numerusform>%n changed,</numerusform>
            <numerusform>%n changed,</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/campaign_dialog.py" line="524" />
        <source>%n photo(s) sent.</source>
        <translation>
            <numerusform>%n photo sent.</numerusform>
            <numerusform>%n photos sent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/campaign_dialog.py" line="530" />
        <source>%n camera(s) deleted here are marked deleted in the campaign.</source>
        <translation>
            <numerusform>%n camera deleted here is marked deleted in the campaign.</numerusform>
            <numerusform>%n cameras deleted here are marked deleted in the campaign.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/campaign_dialog.py" line="538" />
        <source>%n camera(s) deleted here were kept: changed in the campaign since the pull.</source>
        <translation>
            <numerusform>%n camera deleted here was kept: changed in the campaign since the pull.</numerusform>
            <numerusform>%n cameras deleted here were kept: changed in the campaign since the pull.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/campaign_dialog.py" line="598" />
        <source>Pulled %n camera(s) into %1.</source>
        <translation>
            <numerusform>Pulled %n camera into %1.</numerusform>
            <numerusform>Pulled %n cameras into %1.</numerusform>
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
    <name>DraftQueueModel</name>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/photos/review_model.py" line="92" />
        <source>Camera %1 · %n photo(s)</source>
        <translation>
            <numerusform>Camera %1 · %n photo</numerusform>
            <numerusform>Camera %1 · %n photos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FileCommands</name>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/file_commands.py" line="93" />
        <source>Map loaded: %n camera(s) already in OpenStreetMap.</source>
        <translation>
            <numerusform>Map loaded: %n camera already in OpenStreetMap.</numerusform>
            <numerusform>Map loaded: %n cameras already in OpenStreetMap.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/file_commands.py" line="128" />
        <source>Imported %n camera(s).</source>
        <translation>
            <numerusform>Imported %n camera.</numerusform>
            <numerusform>Imported %n cameras.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/file_commands.py" line="130" />
        <source>%n already in the survey.</source>
        <translation>
            <numerusform>%n already in the survey.</numerusform>
            <numerusform>%n already in the survey.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/file_commands.py" line="189" />
        <source>Wrote %n camera(s) to %1.</source>
        <translation>
            <numerusform>Wrote %n camera to %1.</numerusform>
            <numerusform>Wrote %n cameras to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/file_commands.py" line="187" />
        <location filename="../app/contrechamp/ui/file_commands.py" line="262" />
        <source>Wrote %n photo(s) to %1.</source>
        <translation>
            <numerusform>Wrote %n photo to %1.</numerusform>
            <numerusform>Wrote %n photos to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/file_commands.py" line="133" />
        <source>%n linked to OSM without a known version: the upload reads it first.</source>
        <translation>
            <numerusform>%n linked to OSM without a known version: the upload reads it first.</numerusform>
            <numerusform>%n linked to OSM without a known version: the upload reads them first.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/file_commands.py" line="193" />
        <location filename="../app/contrechamp/ui/file_commands.py" line="264" />
        <source>%n photo(s) could not be written.</source>
        <translation>
            <numerusform>%n photo could not be written.</numerusform>
            <numerusform>%n photos could not be written.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/file_commands.py" line="198" />
        <source>%n camera(s) linked to OSM without a known version left out.</source>
        <translation>
            <numerusform>%n camera linked to OSM without a known version left out.</numerusform>
            <numerusform>%n cameras linked to OSM without a known version left out.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/file_commands.py" line="206" />
        <source>%n camera(s) linked to OSM left out: load the area to know their original.</source>
        <translation>
            <numerusform>%n camera linked to OSM left out: load the area to know its original.</numerusform>
            <numerusform>%n cameras linked to OSM left out: load the area to know their original.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/file_commands.py" line="299" />
        <source>%n photo(s) not copied: the original file is missing or changed.</source>
        <translation>
            <numerusform>%n photo not copied: the original file is missing or changed.</numerusform>
            <numerusform>%n photos not copied: the original file is missing or changed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/main_window.py" line="328" />
        <source>%Ln camera(s)</source>
        <translation>
            <numerusform>%Ln camera</numerusform>
            <numerusform>%Ln cameras</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MergeCommands</name>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/merge_commands.py" line="129" />
        <source>Merging %n survey(s)…</source>
        <translation>
            <numerusform>Merging %n survey…</numerusform>
            <numerusform>Merging %n surveys…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MergeReviewPanel</name>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/merge_review_panel.py" line="177" />
        <source>Seen by %n pair(s): one camera?</source>
        <translation>
            <numerusform>Seen by %n pair: one camera?</numerusform>
            <numerusform>Seen by %n pairs: one camera?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/merge_review_panel.py" line="185" />
        <source>%n merged camera(s) to review</source>
        <translation>
            <numerusform>%n merged camera to review</numerusform>
            <numerusform>%n merged cameras to review</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/merge_review_panel.py" line="236" />
        <source>%1: %2 (%n sighting(s))</source>
        <translation>
            <numerusform>%1: %2 (%n sighting)</numerusform>
            <numerusform>%1: %2 (%n sightings)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PhotoImport</name>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/photos/texts.py" line="18" />
        <source>%n camera(s) to review</source>
        <translation>
            <numerusform>%n camera to review</numerusform>
            <numerusform>%n cameras to review</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/photos/texts.py" line="19" />
        <source>%n photo(s) added</source>
        <translation>
            <numerusform>%n photo added</numerusform>
            <numerusform>%n photos added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/photos/texts.py" line="22" />
        <source>%n already in the survey</source>
        <translation>
            <numerusform>%n already in the survey</numerusform>
            <numerusform>%n already in the survey</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/photos/texts.py" line="25" />
        <source>%n photo(s) to place on the map</source>
        <translation>
            <numerusform>%n photo to place on the map</numerusform>
            <numerusform>%n photos to place on the map</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/photos/texts.py" line="28" />
        <source>%n file(s) skipped</source>
        <translation>
            <numerusform>%n file skipped</numerusform>
            <numerusform>%n files skipped</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PhotoImportDialog</name>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/photos/import_dialog.py" line="283" />
        <source>%n photo(s) not copied: the original file is missing or changed.</source>
        <translation>
            <numerusform>%n photo not copied: the original file is missing or changed.</numerusform>
            <numerusform>%n photos not copied: the original file is missing or changed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SurveyView</name>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/survey_view.py" line="157" />
        <source>%n new draft(s) lie more than %1 km outside the survey area: photos taken elsewhere?</source>
        <translation>
            <numerusform>%n new draft lies more than %1 km outside the survey area: a photo taken elsewhere?</numerusform>
            <numerusform>%n new drafts lie more than %1 km outside the survey area: photos taken elsewhere?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/survey_view.py" line="199" />
        <source>%n draft(s) rejected. Ctrl+Z brings them back.</source>
        <translation>
            <numerusform>%n draft rejected. Ctrl+Z brings it back.</numerusform>
            <numerusform>%n drafts rejected. Ctrl+Z brings them back.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnplacedPhotos</name>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/photos/unplaced.py" line="68" />
        <source>%n photo(s) to place on the map</source>
        <translation>
            <numerusform>%n photo to place on the map</numerusform>
            <numerusform>%n photos to place on the map</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UploadDialog</name>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/upload_dialog.py" line="193" />
        <source>%n cameras of an interrupted upload were found in OSM and linked.</source>
        <translation>
            <numerusform>%n camera of an interrupted upload was found in OSM and linked.</numerusform>
            <numerusform>%n cameras of an interrupted upload were found in OSM and linked.</numerusform>
        </translation>
    </message>
</context>
</TS>
