<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>DraftQueueModel</name>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/photos/review_model.py" line="78" />
        <source>Camera %1 · %n photo(s)</source>
        <translation><numerusform>Camera %1 · %n photo</numerusform><numerusform>Camera %1 · %n photos</numerusform></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/main_window.py" line="174" />
        <source>%n camera(s)</source>
        <translation><numerusform>%n camera</numerusform><numerusform>%n cameras</numerusform></translation>
    </message>
</context>
<context>
    <name>PhotoImport</name>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/photos/texts.py" line="31" />
        <source>%n camera(s) to review</source>
        <translation><numerusform>%n camera to review</numerusform><numerusform>%n cameras to review</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/photos/texts.py" line="32" />
        <source>%n photo(s) added</source>
        <translation><numerusform>%n photo added</numerusform><numerusform>%n photos added</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/photos/texts.py" line="35" />
        <source>%n already in the survey</source>
        <translation><numerusform>%n already in the survey</numerusform><numerusform>%n already in the survey</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/photos/texts.py" line="38" />
        <source>%n photo(s) to place on the map</source>
        <translation><numerusform>%n photo to place on the map</numerusform><numerusform>%n photos to place on the map</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/contrechamp/ui/photos/texts.py" line="41" />
        <source>%n file(s) skipped</source>
        <translation><numerusform>%n file skipped</numerusform><numerusform>%n files skipped</numerusform></translation>
    </message>
</context>
</TS>