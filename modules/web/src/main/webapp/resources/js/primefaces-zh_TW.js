/*
 * PrimeFaces' own texts in Traditional Chinese (Taiwan). PrimeFaces' locale-zh.js defines zh_TW on top of Simplified
 * Chinese; the labels it leaves in Simplified Chinese (message severities, time units, aria labels) are set here.
 * Loaded at the end of the body, after PrimeFaces and before its widgets start.
 */
(function () {
    "use strict";
    if (!window.PrimeFaces || !window.jQuery || !PrimeFaces.locales) {
        return;
    }
    PrimeFaces.locales.zh_TW = jQuery.extend(true, {}, PrimeFaces.locales.zh_TW || PrimeFaces.locales.zh || {}, {
        allDayText: "整天",
        hourText: "時",
        list: "清單",
        minuteText: "分",
        moreLinkText: "更多…",
        noEventsText: "沒有活動",
        timeOnlyTitle: "只選時間",
        timeText: "時間",
        unexpectedError: "發生未預期的錯誤",
        week: "週",
        weekHeader: "週",
        weekNumberTitle: "週",
        dayNamesShort: ["週日", "週一", "週二", "週三", "週四", "週五", "週六"],
        aria: {
            close: "關閉",
            navigation: "導覽",
            listView: "清單檢視",
            gridView: "格狀檢視",
            rowsPerPageLabel: "每頁列數",
            "datatable.sort.ASC": "遞增排序",
            "datatable.sort.DESC": "遞減排序",
            "datatable.sort.NONE": "未排序",
            "messages.ERROR": "錯誤",
            "messages.FATAL": "嚴重錯誤",
            "messages.INFO": "資訊",
            "messages.WARN": "警告",
            "spinner.DECREASE": "減少數值",
            "spinner.INCREASE": "增加數值",
            "switch.OFF": "關",
            "switch.ON": "開"
        }
    });
}());
